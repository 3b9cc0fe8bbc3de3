// The global hotkeys' registration rules on a recording globalShortcut: each action once, a
// duplicate, an unparsable or a taken accelerator reported (never silently lost), changes
// re-registered, an empty one off.
import { describe, expect, it } from 'vitest';

import type { Notification } from '../../src/main/core/ports';
import { createGlobalHotkeys, hotkeysThroughPortal } from '../../src/main/hotkeys';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/ipc';

function rig(taken: string[] = [], portal = false) {
  const registered = new Map<string, () => void>();
  const shown: Notification[] = [];
  const hotkeys = createGlobalHotkeys({
    globalShortcut: {
      register(accelerator, callback) {
        if (accelerator === 'Ctrl+Alt+F24') throw new Error('conversion failure');
        // Through the portal Electron answers true without asking (electron_api_global_shortcut.cc).
        if (!portal && (taken.includes(accelerator) || registered.has(accelerator))) return false;
        registered.set(accelerator, callback);
        return true;
      },
      // Through the portal unregister returns early: the key stays bound.
      unregister: (accelerator) => void (portal || registered.delete(accelerator)),
      unregisterAll: () => registered.clear(),
    },
    portal,
    core: {
      getState: () => ({
        connection: { status: 'online' },
        missed: [],
        holds: {},
        consoleData: {},
        doNotDisturb: false,
      }),
      getSnapshot: () => ({ version: 1, sessions: [], activity: [] }),
      hold: () => Promise.reject(new Error('not expected')),
    },
    toggleWindow: () => undefined,
    editNotes: () => undefined,
    notify: (n) => shown.push(n),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    mac: false,
  });
  return { hotkeys, registered, shown };
}

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('global hotkeys', () => {
  it('registers the three defaults and nothing is reported', () => {
    const { hotkeys, registered, shown } = rig();
    expect(hotkeys.apply(settings())).toEqual([]);
    expect([...registered.keys()].sort()).toEqual(
      ['CommandOrControl+Alt+Shift+H', 'CommandOrControl+Alt+Shift+N', 'CommandOrControl+Alt+Shift+S'].sort(),
    );
    expect(shown).toEqual([]);
  });

  it('reports a taken, a refused and a duplicate accelerator in one notification, and keeps the rest', () => {
    const { hotkeys, registered, shown } = rig(['Ctrl+Alt+F1']);
    const problems = hotkeys.apply(
      settings({ hotkeyHold: 'Ctrl+Alt+F1', hotkeyWindow: 'Ctrl+Alt+F24', hotkeyNotes: 'Ctrl+Alt+F2' }),
    );
    expect(problems).toEqual([
      '"Hold / resume my call": Ctrl+Alt+F1 is taken by the desktop or another application.',
      '"Show / hide the console": Ctrl+Alt+F24 is not a hotkey the desktop accepts (conversion failure).',
    ]);
    expect([...registered.keys()]).toEqual(['Ctrl+Alt+F2']);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Some hotkeys are not available');
    expect(shown[0]?.body).toContain('Choose another in Settings → Hotkeys.');

    const again = hotkeys.apply(
      settings({ hotkeyHold: 'Ctrl+Alt+F3', hotkeyWindow: 'Alt+Control+f3', hotkeyNotes: '' }),
    );
    expect(again).toEqual(['"Show / hide the console": Alt+Control+f3 is already "Hold / resume my call".']);
    expect([...registered.keys()]).toEqual(['Ctrl+Alt+F3']);
  });

  it('does nothing when the hotkeys did not change, and releases them all on dispose', () => {
    const { hotkeys, registered, shown } = rig();
    hotkeys.apply(settings());
    expect(hotkeys.apply(settings({ theme: 'dark' }))).toEqual([]);
    expect(registered.size).toBe(3);
    hotkeys.dispose();
    expect(registered.size).toBe(0);
    expect(shown).toEqual([]);
  });

  it("says so when there is no call of the agent's to act on", () => {
    const { hotkeys, registered, shown } = rig();
    hotkeys.apply(settings());
    registered.get(DEFAULT_SETTINGS.hotkeyHold)?.();
    expect(shown.map((n) => n.title)).toEqual(['No call of yours to act on']);
  });

  it('on a Wayland session (keys bound through the portal) moves a changed hotkey instead of leaving the old one bound', () => {
    const { hotkeys, registered } = rig([], true);
    hotkeys.apply(settings());
    hotkeys.apply(settings({ hotkeyWindow: 'Ctrl+Alt+F5' }));
    expect([...registered.keys()].sort()).toEqual(
      ['CommandOrControl+Alt+Shift+H', 'CommandOrControl+Alt+Shift+N', 'Ctrl+Alt+F5'].sort(),
    );
    hotkeys.dispose();
    expect(registered.size).toBe(0);
  });
});

describe('Wayland detection', () => {
  it('is Linux in a Wayland session with a Wayland display, unless Electron was told to use X11', () => {
    const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
    expect(hotkeysThroughPortal('linux', wayland, '')).toBe(true);
    expect(hotkeysThroughPortal('linux', wayland, 'x11')).toBe(false);
    expect(hotkeysThroughPortal('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, '')).toBe(false);
    expect(hotkeysThroughPortal('linux', { XDG_SESSION_TYPE: 'wayland' }, '')).toBe(false);
    expect(hotkeysThroughPortal('linux', {}, 'wayland')).toBe(true);
    expect(hotkeysThroughPortal('win32', wayland, '')).toBe(false);
  });
});
