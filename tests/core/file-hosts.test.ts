// Where a recording may come from besides the server, case by case: which addresses are internal
// (this computer, private networks, link-local, NAT64, IPv4 inside IPv6), the administrator's host
// list as URLs spell host names, and the check before anything is sent (https, listed, every
// address public, the host's name resolved once with words when it cannot be).
import { describe, expect, it } from 'vitest';

import { checkFileHost, hostListOf, isInternalAddress, resolveWithDns } from '../../src/main/core/file-hosts';

describe('isInternalAddress', () => {
  it.each([
    '0.1.2.3',
    '10.0.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.168.1.1',
    '198.18.0.1',
    '198.19.255.255',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'febf::1',
    'ff02::1',
    '64:ff9b::a00:1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
    '',
  ])('%j is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each([
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.1',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.1',
    '169.253.0.1',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.1',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2001:4860:4860::8888',
    'fec0::1',
    '64:ff9c::1',
    '::ffff:8.8.8.8',
  ])('%j is public', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});

describe('hostListOf', () => {
  it('host names as a URL spells them: lower case, IPv6 compressed and bare, no trailing dot; nothing else', () => {
    expect([
      ...hostListOf([' Files.Example.COM ', 'cdn.example.net.', '2001:DB8:0:0::1', '[2001:db8::2]', '203.0.113.9']),
    ]).toEqual(['files.example.com', 'cdn.example.net', '2001:db8::1', '2001:db8::2', '203.0.113.9']);
    expect([...hostListOf(['', '   ', 'bad host', 'a/b'])]).toEqual(['a']);
    expect(hostListOf(undefined).size).toBe(0);
  });
});

describe('checkFileHost', () => {
  const allowed = hostListOf(['files.example.com', '203.0.113.9', '2001:db8::1']);
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const known: Record<string, string[]> = {
      'files.example.com': ['203.0.113.10', '2001:db8::10'],
    };
    if (!(hostname in known)) throw new Error('ENOTFOUND');
    return known[hostname] as string[];
  };
  const check = (url: string, dns = resolve) => checkFileHost(new URL(url), allowed, dns, 'evo.example');

  it('a listed https host whose every address is public passes; an address literal is not looked up', async () => {
    asked.length = 0;
    await expect(check('https://files.example.com/vm.wav')).resolves.toBeUndefined();
    await expect(check('https://FILES.example.com./vm.wav')).resolves.toBeUndefined();
    await expect(check('https://203.0.113.9:8443/vm.wav')).resolves.toBeUndefined();
    await expect(check('https://[2001:db8::1]/vm.wav')).resolves.toBeUndefined();
    expect(asked).toEqual(['files.example.com', 'files.example.com']);
  });

  it('refuses plain http and unlisted hosts in words, before any lookup', async () => {
    asked.length = 0;
    await expect(check('http://files.example.com/vm.wav')).rejects.toMatchObject({
      code: 'forbidden',
      message: 'evo.example pointed to a file at files.example.com without https: not fetched.',
    });
    await expect(check('https://other.example:444/vm.wav')).rejects.toMatchObject({
      code: 'forbidden',
      message:
        'evo.example keeps this recording at other.example:444, which your administrator has not allowed (policy "recordingHosts"): not fetched.',
    });
    expect(asked).toEqual([]);
  });

  it('a host that cannot be found, or has no address, or any internal one, is refused', async () => {
    await expect(
      check('https://files.example.com/x', async () => Promise.reject(new Error('ENOTFOUND'))),
    ).rejects.toMatchObject({
      code: 'network',
      message: 'Cannot find files.example.com to fetch the recording: check the network.',
    });
    const inside = {
      code: 'forbidden',
      message:
        'files.example.com is an address inside your network, so the recording is not fetched from it: ask your administrator.',
    };
    await expect(check('https://files.example.com/x', async () => [])).rejects.toMatchObject(inside);
    await expect(check('https://files.example.com/x', async () => ['203.0.113.10', '10.0.0.5'])).rejects.toMatchObject(
      inside,
    );
    await expect(check('https://files.example.com/x', async () => ['::1'])).rejects.toMatchObject(inside);
  });
});

describe('resolveWithDns', () => {
  it('answers every address of a name as a list (localhost: from the hosts file, no network)', async () => {
    const addresses = await resolveWithDns('localhost');
    expect(Array.isArray(addresses)).toBe(true);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => typeof address === 'string' && isInternalAddress(address))).toBe(true);
  });
});
