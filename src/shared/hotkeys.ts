// The console's hotkeys, electron-free: the actions, their default accelerators, the check of an
// accelerator an agent typed, and the match of a key press against one (the web shell's keydown).
// Accelerators use Electron's syntax ("CommandOrControl+Alt+Shift+H"); '' turns a hotkey off.

export const HOTKEY_ACTIONS = ['hold', 'window', 'notes'] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

/** The setting that holds each action's accelerator. */
export const HOTKEY_SETTINGS = {
  hold: 'hotkeyHold',
  window: 'hotkeyWindow',
  notes: 'hotkeyNotes',
} as const satisfies Record<HotkeyAction, string>;

/**
 * Three modifiers plus a letter: the desktops (Windows, macOS, GNOME, KDE) and the usual agent
 * applications (browsers, Office, CRMs) bind Ctrl+letter, Ctrl+Shift+letter and Ctrl+Alt+letter
 * (Ctrl+Alt+Del, Ctrl+Alt+T terminal, Ctrl+Alt+arrows workspaces), hardly ever all three.
 */
export const DEFAULT_HOTKEYS = {
  hotkeyHold: 'CommandOrControl+Alt+Shift+H',
  hotkeyWindow: 'CommandOrControl+Alt+Shift+S',
  hotkeyNotes: 'CommandOrControl+Alt+Shift+N',
} as const;

const MODIFIERS: Record<string, 'ctrl' | 'alt' | 'shift' | 'meta' | 'cmdOrCtrl'> = {
  command: 'meta',
  cmd: 'meta',
  super: 'meta',
  meta: 'meta',
  control: 'ctrl',
  ctrl: 'ctrl',
  commandorcontrol: 'cmdOrCtrl',
  cmdorctrl: 'cmdOrCtrl',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
};

const NAMED_KEYS = new Set([
  'space',
  'tab',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'plus',
]);

export interface ParsedAccelerator {
  modifiers: Set<'ctrl' | 'alt' | 'shift' | 'meta' | 'cmdOrCtrl'>;
  /** Upper-case letter or digit, F1..F24, or a lower-case named key ("space"). */
  key: string;
}

/** The accelerator's parts, or the reason it is not one, in words the agent can act on. */
export function parseAccelerator(accelerator: string): ParsedAccelerator | { problem: string } {
  const parts = accelerator.split('+').map((p) => p.trim());
  if (parts.some((p) => p === ''))
    return { problem: `"${accelerator}" has an empty part: write it like Ctrl+Alt+Shift+H` };
  const key = parts.pop() ?? '';
  const modifiers = new Set<ParsedAccelerator['modifiers'] extends Set<infer M> ? M : never>();
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier)
      return { problem: `"${part}" is not a modifier (use Ctrl, Alt, Shift, Command or CommandOrControl)` };
    modifiers.add(modifier);
  }
  let normal: string | undefined;
  if (/^[a-z0-9]$/i.test(key)) normal = key.toUpperCase();
  else if (/^f([1-9]|1\d|2[0-4])$/i.test(key)) normal = key.toUpperCase();
  else if (NAMED_KEYS.has(key.toLowerCase())) normal = key.toLowerCase();
  if (!normal) return { problem: `"${key}" is not a key a hotkey can use (a letter, a digit, F1–F24 or Space)` };
  const functionKey = /^F\d+$/.test(normal);
  if (!functionKey && modifiers.size === 0) {
    return { problem: `${accelerator} has no modifier: it would fire while typing (add Ctrl, Alt or Shift)` };
  }
  if (!functionKey && modifiers.size === 1 && modifiers.has('shift')) {
    return { problem: `Shift+${key} types a character: add Ctrl or Alt` };
  }
  return { modifiers, key: normal };
}

/** Undefined when the accelerator is usable (or '' = off), else what is wrong with it. */
export function acceleratorProblem(accelerator: string): string | undefined {
  if (accelerator === '') return undefined;
  const parsed = parseAccelerator(accelerator);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/** Two accelerators that name the same keys (on this platform: CommandOrControl is Cmd on macOS). */
export function sameAccelerator(a: string, b: string, mac: boolean): boolean {
  const pa = parseAccelerator(a);
  const pb = parseAccelerator(b);
  if ('problem' in pa || 'problem' in pb) return false;
  const norm = (p: ParsedAccelerator) =>
    [...p.modifiers]
      .map((m) => (m === 'cmdOrCtrl' ? (mac ? 'meta' : 'ctrl') : m))
      .sort()
      .join('+') + `+${p.key}`;
  return norm(pa) === norm(pb);
}

type KeyPress = Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'code' | 'key'>;

function pressedKey(event: KeyPress): string {
  const code = /^(?:Key|Digit)([A-Z0-9])$/.exec(event.code)?.[1];
  if (code) return code;
  if (/^F\d+$/.test(event.code)) return event.code;
  const named: Record<string, string> = {
    ' ': 'space',
    Enter: 'return',
    Escape: 'escape',
    ArrowUp: 'up',
    ArrowDown: 'down',
    ArrowLeft: 'left',
    ArrowRight: 'right',
  };
  return named[event.key] ?? event.key.toLowerCase();
}

/** Whether a key press is this accelerator (the web shell, while the page has focus). */
export function matchesAccelerator(accelerator: string, event: KeyPress, mac: boolean): boolean {
  if (accelerator === '') return false;
  const parsed = parseAccelerator(accelerator);
  if ('problem' in parsed) return false;
  const want = { ctrl: false, alt: false, shift: false, meta: false };
  for (const m of parsed.modifiers) want[m === 'cmdOrCtrl' ? (mac ? 'meta' : 'ctrl') : m] = true;
  const key = pressedKey(event);
  const aliases: Record<string, string> = { enter: 'return', esc: 'escape' };
  return (
    want.ctrl === event.ctrlKey &&
    want.alt === event.altKey &&
    want.shift === event.shiftKey &&
    want.meta === event.metaKey &&
    (aliases[parsed.key] ?? parsed.key) === key
  );
}
