// One signed-in session against the simulator over HTTP: the account list as the server gives it
// (or named from the sessions when it does not), the account chosen (saved, or the only one), an
// account typed by hand checked with the server, and accounts named from what the polls see.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Login } from '../../src/main/core/login';
import { SignedInSession } from '../../src/main/core/session';
import { startSimulator } from '../../src/simulator/index';
import { DEMO_USER, type Simulator, type SimUser } from '../../src/simulator/types';
import { START } from './rig';

let sim: Simulator;
const NORTH = 'acct-north';
const SOUTH = 'acct-south';
const NORTH_NAME = 'Northwind Health (North)';
const SOUTH_NAME = 'Southgate Logistics (South)';

async function simulator(users?: SimUser[]) {
  sim = await startSimulator({
    clock: 'manual',
    scenario: false,
    seed: 3,
    startTime: START,
    ...(users ? { users } : {}),
  });
}
afterEach(() => sim.close());

const session = (password = DEMO_USER.password, demo = false) =>
  SignedInSession.begin(
    new Login(sim.url, DEMO_USER.userName, password, demo, { fetch: globalThis.fetch, timeoutMs: 5_000 }),
  );

describe('SignedInSession: who and whose', () => {
  beforeEach(() => simulator());

  it('begins with no accounts, naming the user only when told', () => {
    const bare = session();
    expect(bare.identity).toEqual({ serverUrl: sim.url, userName: DEMO_USER.userName, accounts: [], demo: false });
    expect(bare.accountsLoaded).toBe(false);
    expect(bare.accountsListed).toBe(false);
    expect(bare.failures).toBe(0);
    expect(bare.lastActivityAt).toBe(-Infinity);
    const named = SignedInSession.begin(bare.login, 'Ana', 'u1');
    expect(named.identity).toMatchObject({ displayName: 'Ana', userId: 'u1' });
    expect(Object.keys(SignedInSession.begin(bare.login, '', '').identity).sort()).toEqual([
      'accounts',
      'demo',
      'serverUrl',
      'userName',
    ]);
  });

  it('whose notes and missed calls: server and user, and the account (or any)', () => {
    const s = session();
    expect(s.owner).toBe(`${sim.url}|${DEMO_USER.userName}`);
    expect(s.missedKey).toBe(`${sim.url}|${DEMO_USER.userName}|*`);
    const north = s.withAccount(NORTH);
    expect(north.missedKey).toBe(`${sim.url}|${DEMO_USER.userName}|${NORTH}`);
    expect(north.accountId).toBe(NORTH);
    expect(north.login).toBe(s.login);
    expect(north).not.toBe(s);
    expect(north.holds.size).toBe(0);
  });

  it('another account keeps what is known of the accounts, and nothing of the old work', async () => {
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session();
    await s.loadAccounts(undefined);
    s.failures = 3;
    const south = s.withAccount(SOUTH);
    expect(south).toMatchObject({ accountsLoaded: true, accountsListed: true, failures: 0 });
    expect(south.identity.accounts).toEqual(s.identity.accounts);
  });
});

describe('SignedInSession.loadAccounts', () => {
  it('takes the listed accounts with their names, and the saved one when it is listed', async () => {
    await simulator();
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session();
    expect(await s.loadAccounts(SOUTH)).toBe(SOUTH);
    expect(s.identity).toMatchObject({
      accounts: [
        { id: NORTH, name: NORTH_NAME },
        { id: SOUTH, name: SOUTH_NAME },
      ],
      accountId: SOUTH,
      displayName: DEMO_USER.displayName,
      userId: DEMO_USER.userId,
    });
    expect(s.identity.accountsUnlisted).toBeUndefined();
    expect(s.accountsListed).toBe(true);
    expect(s.accountsLoaded).toBe(true);
  });

  it('chooses nothing between two listed accounts when the saved one is not among them', async () => {
    await simulator();
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session().withAccount('acct-gone');
    expect(await s.loadAccounts('acct-gone')).toBeUndefined();
    expect(s.identity.accountId).toBeUndefined();
    expect(s.identity.accounts.map((a) => a.id)).toEqual([NORTH, SOUTH]);
  });

  it('takes the only account without asking', async () => {
    await simulator([{ ...DEMO_USER, accountIds: [SOUTH] }]);
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session();
    expect(await s.loadAccounts(undefined)).toBe(SOUTH);
    expect(s.identity.accountId).toBe(SOUTH);
  });

  it('without account ids, keeps the saved account as an account named by its id, and says the list is not the server’s', async () => {
    await simulator();
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = session();
    expect(await s.loadAccounts(NORTH)).toBe(NORTH);
    expect(s.identity).toMatchObject({
      accounts: [{ id: NORTH, name: NORTH }],
      accountId: NORTH,
      accountsUnlisted: true,
    });
    expect(s.accountsListed).toBe(false);
    expect(s.accountsLoaded).toBe(true);
    // Loaded again: the saved account is not added twice.
    expect(await s.loadAccounts(NORTH)).toBe(NORTH);
    expect(s.identity.accounts).toEqual([{ id: NORTH, name: NORTH }]);
  });

  it('without account ids and nothing saved, chooses nothing', async () => {
    await simulator();
    sim.control.setStrictness({ authStatus: 'missing' });
    const s = session();
    expect(await s.loadAccounts(undefined)).toBeUndefined();
    expect(s.identity.accounts).toEqual([]);
    expect(s.identity.accountsUnlisted).toBe(true);
  });

  it('a server error on /auth/status is taken as no list; unreachable or a rejected password is thrown', async () => {
    await simulator();
    sim.control.addFault({ endpoint: 'auth-status', kind: 'error-500', count: 1 });
    const s = session();
    expect(await s.loadAccounts(SOUTH)).toBe(SOUTH);
    expect(s.identity.accountsUnlisted).toBe(true);

    await expect(session('wrong').loadAccounts(undefined)).rejects.toMatchObject({ code: 'password-rejected' });

    const gone = session();
    await gone.login.call((c, o) => c.authStatus(o));
    await sim.close();
    await expect(gone.loadAccounts(undefined)).rejects.toMatchObject({ code: 'network' });
    await simulator();
  });

  it('a 401 is taken as no list once; after the server kept refusing, the refusal is thrown', async () => {
    await simulator();
    const s = session();
    await s.login.call((c, o) => c.authStatus(o));
    sim.control.addFault({ endpoint: 'auth-status', kind: 'unauthorized', rate: 1 });
    await expect(s.loadAccounts(undefined)).resolves.toBeUndefined();
    expect(s.login.refused).toBe(false);
    s.accountsLoaded = false;
    await expect(s.loadAccounts(undefined)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(s.login.refused).toBe(true);
    expect(s.accountsLoaded).toBe(false);
  });
});

describe('SignedInSession.checkAccount', () => {
  beforeEach(() => simulator());
  const refused = (id: string) => ({
    code: 'not-found',
    message: `${DEMO_USER.userName} cannot work on account ${id}: pick one from the list.`,
  });

  it('an account in the list is fine without asking the server', async () => {
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session();
    await s.loadAccounts(undefined);
    sim.control.clearRequests();
    await s.checkAccount(SOUTH);
    expect(sim.control.requests()).toEqual([]);
  });

  it('an account not in the server’s own list is refused without asking', async () => {
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session();
    await s.loadAccounts(undefined);
    sim.control.clearRequests();
    await expect(s.checkAccount('acct-west')).rejects.toMatchObject(refused('acct-west'));
    expect(sim.control.requests()).toEqual([]);
  });

  it('without a list, asks the server for one call of it, and names it from that call', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    sim.control.addSession({ accountId: SOUTH, accountName: 'South Desk', callState: 'Connected' });
    const s = session();
    await s.loadAccounts(undefined);
    await s.checkAccount(SOUTH);
    const asked = sim.control.requests({ pathPrefix: '/sessions' }).at(-1);
    expect(asked?.query).toMatchObject({ AccountIds: SOUTH, CountPerPage: '1' });
    expect(s.identity.accounts).toEqual([{ id: SOUTH, name: 'South Desk' }]);
  });

  it('an account without calls yet is added under its id', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = session();
    await s.loadAccounts(undefined);
    await s.checkAccount(NORTH);
    expect(s.identity.accounts).toEqual([{ id: NORTH, name: NORTH }]);
  });

  it('refuses an account the server forbids, or an id with spaces or none, without asking for those', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = session();
    await s.loadAccounts(undefined);
    await expect(s.checkAccount('acct-west')).rejects.toMatchObject(refused('acct-west'));
    sim.control.clearRequests();
    await expect(s.checkAccount(' acct-north')).rejects.toMatchObject(refused(' acct-north'));
    await expect(s.checkAccount('')).rejects.toMatchObject(refused(''));
    expect(sim.control.requests()).toEqual([]);
  });

  it('another failure is passed on as it is', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = session();
    await s.loadAccounts(undefined);
    sim.control.addFault({ endpoint: 'sessions', kind: 'error-500', count: 1 });
    await expect(s.checkAccount(NORTH)).rejects.toMatchObject({ code: 'server', status: 500 });
  });
});

describe('SignedInSession.nameAccounts', () => {
  beforeEach(() => simulator());

  it('adds accounts the sessions name, renames one known by its id only, and says when the list changed', () => {
    const s = session();
    expect(s.nameAccounts([])).toBe(false);
    expect(s.nameAccounts([{ accountId: NORTH }, { accountName: 'no id' }])).toBe(true);
    expect(s.identity.accounts).toEqual([{ id: NORTH, name: NORTH }]);
    expect(s.nameAccounts([{ accountId: NORTH }, { accountId: NORTH, accountName: NORTH }])).toBe(false);
    expect(
      s.nameAccounts([
        { accountId: NORTH, accountName: 'North' },
        { accountId: SOUTH, accountName: 'South' },
      ]),
    ).toBe(true);
    expect(s.identity.accounts).toEqual([
      { id: NORTH, name: 'North' },
      { id: SOUTH, name: 'South' },
    ]);
    // A name once given stays.
    expect(s.nameAccounts([{ accountId: NORTH, accountName: 'Other' }])).toBe(false);
    expect(s.identity.accounts[0]).toEqual({ id: NORTH, name: 'North' });
  });

  it('the same account twice in one poll is added once, with the name it is given', () => {
    const s = session();
    const before = s.identity;
    expect(s.nameAccounts([{ accountId: SOUTH }, { accountId: SOUTH, accountName: 'South' }])).toBe(true);
    expect(s.identity.accounts).toEqual([{ id: SOUTH, name: 'South' }]);
    expect(before.accounts).toEqual([]);
  });

  it('changes nothing once the server listed the accounts', async () => {
    sim.control.setStrictness({ authStatus: 'full' });
    const s = session();
    await s.loadAccounts(undefined);
    expect(s.nameAccounts([{ accountId: 'acct-west', accountName: 'West' }])).toBe(false);
    expect(s.identity.accounts.map((a) => a.id)).toEqual([NORTH, SOUTH]);
  });
});

/** The simulator behind a proxy that changes what `change` says for one kind of request. */
function through(change: (url: URL, answer: Response) => Promise<Response> | Response, rewrite?: (url: URL) => URL) {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    if (rewrite) url = rewrite(url);
    return change(url, await globalThis.fetch(url, init));
  };
  return SignedInSession.begin(
    new Login(sim.url, DEMO_USER.userName, DEMO_USER.password, false, { fetch, timeoutMs: 5_000 }),
  );
}

describe('SignedInSession against answers the simulator does not give', () => {
  beforeEach(() => simulator());

  it('listed accounts without names are named by their ids', async () => {
    sim.control.setStrictness({ authStatus: 'full' });
    const s = through(async (url, answer) => {
      if (url.pathname !== '/auth/status') return answer;
      const { accountNames: _, ...rest } = (await answer.json()) as Record<string, unknown>;
      return Response.json(rest);
    });
    await s.loadAccounts(undefined);
    expect(s.identity.accounts).toEqual([
      { id: NORTH, name: NORTH },
      { id: SOUTH, name: SOUTH },
    ]);
  });

  it('a server that ignores the account filter does not confirm an account', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    sim.control.addSession({ accountId: NORTH, callState: 'Connected' });
    const s = through(
      (_, answer) => answer,
      (url) => {
        if (url.pathname === '/sessions') url.searchParams.delete('AccountIds');
        return url;
      },
    );
    await s.loadAccounts(undefined);
    await expect(s.checkAccount(SOUTH)).rejects.toMatchObject({ code: 'not-found' });
    await s.checkAccount(NORTH);
    expect(s.identity.accounts.map((a) => a.id)).toEqual([NORTH]);
  });

  it('a request the server refuses (400) for an account is a refusal of that account', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = through((url, answer) =>
      url.pathname === '/sessions'
        ? Response.json({ responseStatus: { errorCode: 'ArgumentException', message: 'bad id' } }, { status: 400 })
        : answer,
    );
    await s.loadAccounts(undefined);
    await expect(s.checkAccount('acct-odd')).rejects.toMatchObject({
      code: 'not-found',
      message: `${DEMO_USER.userName} cannot work on account acct-odd: pick one from the list.`,
    });
  });
  it('an answer without items still confirms the account, named by its id', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = through((url, answer) => (url.pathname === '/sessions' ? Response.json({}) : answer));
    await s.loadAccounts(undefined);
    await s.checkAccount(SOUTH);
    expect(s.identity.accounts).toEqual([{ id: SOUTH, name: SOUTH }]);
  });
});

describe('SignedInSession.loadAccounts, what it leaves alone', () => {
  beforeEach(() => simulator());

  it('names no one and chooses nothing it was not told, as absent fields', async () => {
    sim.control.setStrictness({ authStatus: 'missing' });
    const s = session();
    await s.loadAccounts(undefined);
    expect('displayName' in s.identity).toBe(false);
    expect('userId' in s.identity).toBe(false);
    expect('accountId' in s.identity).toBe(false);
  });

  it('adds the saved account to accounts already named from the sessions, without touching the identity before', async () => {
    sim.control.setStrictness({ authStatus: 'no-account-ids' });
    const s = session();
    s.nameAccounts([{ accountId: NORTH, accountName: 'North' }]);
    const before = s.identity;
    expect(await s.loadAccounts(SOUTH)).toBe(SOUTH);
    expect(s.identity.accounts).toEqual([
      { id: NORTH, name: 'North' },
      { id: SOUTH, name: SOUTH },
    ]);
    expect(before.accounts).toEqual([{ id: NORTH, name: 'North' }]);
  });
});
