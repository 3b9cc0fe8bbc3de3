// Pure shell rules: window bounds onto a visible display, XDG autostart, app page and link checks, CSP.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isAllowedExternal, isAppPage } from '../../src/main/app-origin';
import { autostartPath, configHomeFrom, quoteExecArg, setLinuxAutostart } from '../../src/main/autostart';
import { CONTENT_SECURITY_POLICY, policyConnectingTo, withPolicyHeader } from '../../src/main/csp';
import { DEFAULT_SIZE, type Rect, restoreBounds } from '../../src/main/window-bounds';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 };
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1440 };

describe('restoreBounds', () => {
  it('keeps bounds that are on a display', () => {
    const saved = { x: 1600, y: 0, width: 1200, height: 800 };
    expect(restoreBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('moves a window left on a monitor that is gone back onto the primary display', () => {
    const out = restoreBounds({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop]);
    expect(out).toEqual({ x: 120, y: 50, width: 1200, height: 800 });
  });

  it('shrinks a window bigger than the display it is on', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual(laptop);
  });

  it('pulls a title bar above the top of the screen back down', () => {
    expect(restoreBounds({ x: 100, y: -300, width: 800, height: 600 }, [laptop]).y).toBe(0);
  });

  it('centres the default size when nothing was saved', () => {
    expect(restoreBounds(undefined, [laptop])).toEqual({ x: 170, y: 90, ...DEFAULT_SIZE });
  });

  it('always answers bounds mostly on some display', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: -10, max: 6000 }),
      height: fc.integer({ min: -10, max: 6000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -3000, max: 3000 }),
      y: fc.integer({ min: -3000, max: 3000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.option(rect, { nil: undefined }),
        fc.array(area, { minLength: 1, maxLength: 4 }),
        (saved, areas) => {
          const out = restoreBounds(saved, areas);
          const titleBarReachable = areas.some(
            (a) =>
              out.y >= a.y &&
              out.y < a.y + a.height &&
              Math.min(out.x + out.width, a.x + a.width) - Math.max(out.x, a.x) >= Math.min(64, out.width),
          );
          expect(out.width).toBeGreaterThan(0);
          expect(titleBarReachable).toBe(true);
        },
      ),
    );
  });
});

describe('XDG autostart', () => {
  it('writes and removes the .desktop entry under $XDG_CONFIG_HOME/autostart', async () => {
    const home = mkdtempSync(join(tmpdir(), 'evo-home-'));
    const configHome = configHomeFrom({}, home);
    expect(configHome).toBe(join(home, '.config'));
    expect(configHomeFrom({ XDG_CONFIG_HOME: '/x/cfg' }, home)).toBe('/x/cfg');
    expect(configHomeFrom({ XDG_CONFIG_HOME: 'relative' }, home)).toBe(join(home, '.config'));
    await setLinuxAutostart('on', { configHome, command: ['/opt/Evo Voice/evo-voice-console', '--hidden'] });
    const text = readFileSync(autostartPath(configHome), 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\n');
    expect(text).toContain('Exec="/opt/Evo Voice/evo-voice-console" --hidden\n');
    await setLinuxAutostart('off', { configHome, command: [] });
    expect(existsSync(autostartPath(configHome))).toBe(false);
    await setLinuxAutostart('off', { configHome, command: [] });
  });

  it('quotes reserved characters as the Desktop Entry spec asks', () => {
    expect(quoteExecArg('plain')).toBe('plain');
    expect(quoteExecArg('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
    expect(quoteExecArg('50%')).toBe('"50%%"');
  });
});

describe('app page and external links', () => {
  const built = { url: 'app://console/index.html' };
  const dev = { url: 'http://localhost:5173/' };
  it('accepts only the app origin as an IPC sender (one origin, never file paths)', () => {
    expect(isAppPage('app://console/index.html#/live', built)).toBe(true);
    expect(isAppPage('app://console/assets/x.js', built)).toBe(true);
    expect(isAppPage('app://other/index.html', built)).toBe(false);
    expect(isAppPage('app://u:p@console/index.html', built)).toBe(false);
    expect(isAppPage('file:///C:/Program%20Files/Evo/resources/app.asar/out/renderer/index.html', built)).toBe(false);
    expect(isAppPage('file:///tmp/evil/index.html', built)).toBe(false);
    expect(isAppPage('https://evovoice.io/', built)).toBe(false);
    expect(isAppPage('http://localhost:5173/src/x', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('not a url', dev)).toBe(false);
  });
  it('opens only https links to the Evo Voice sites', () => {
    expect(isAllowedExternal('https://evovoice.io/help')).toBe(true);
    expect(isAllowedExternal('http://evovoice.io/')).toBe(false);
    expect(isAllowedExternal('https://evovoice.io.evil.com/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@evovoice.io/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the same policy as the meta tag in index.html', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
  it('lets media play only from object URLs the page made (voicemail), from no origin', () => {
    const media = CONTENT_SECURITY_POLICY.split('; ').filter((d) => d.startsWith('media-src'));
    expect(media).toEqual(['media-src blob:']);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
  });
  it('replaces any header policy, and rewrites only connect-src for the web shell', () => {
    expect(withPolicyHeader({ 'content-security-policy': ['default-src *'], 'X-A': ['1'] })).toEqual({
      'X-A': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    const web = policyConnectingTo('ws://127.0.0.1:4000');
    expect(web).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'none'", 'connect-src ws://127.0.0.1:4000'));
  });
});
