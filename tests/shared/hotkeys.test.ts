// The hotkeys' accelerator check and key-press match, and the rule that picks the agent's own
// active call (the hold hotkey's target).
import { describe, expect, it } from 'vitest';

import { agentCalls, isAgentsCall } from '../../src/shared/agent-call';
import type { SessionInfo } from '../../src/shared/evovoice';
import { acceleratorProblem, DEFAULT_HOTKEYS, matchesAccelerator, sameAccelerator } from '../../src/shared/hotkeys';
import { settingsSchema } from '../../src/shared/ipc';

const press = (code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {}) => ({
  code,
  key: code.replace(/^Key/, '').toLowerCase(),
  ctrlKey: !!mods.ctrl,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
  metaKey: !!mods.meta,
});

describe('accelerators', () => {
  it('accepts the defaults and turns a hotkey off with an empty one', () => {
    for (const accelerator of Object.values(DEFAULT_HOTKEYS)) expect(acceleratorProblem(accelerator)).toBeUndefined();
    expect(acceleratorProblem('')).toBeUndefined();
    expect(acceleratorProblem('F9')).toBeUndefined();
  });

  it.each([
    ['H', 'no modifier'],
    ['Shift+H', 'types a character'],
    ['Ctrl++H', 'empty part'],
    ['Hyper+H', '"Hyper" is not a modifier'],
    ['Ctrl+Alt+Ä', 'not a key'],
  ])('refuses %s, saying why', (accelerator, why) => {
    expect(acceleratorProblem(accelerator)).toContain(why);
  });

  it('refuses an invalid accelerator in the settings with the reason', () => {
    const parsed = settingsSchema.partial().safeParse({ hotkeyHold: 'Shift+H' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('types a character');
  });

  it('matches a key press, CommandOrControl being Cmd on macOS', () => {
    const hold = DEFAULT_HOTKEYS.hotkeyHold;
    expect(matchesAccelerator(hold, press('KeyH', { ctrl: true, alt: true, shift: true }), false)).toBe(true);
    expect(matchesAccelerator(hold, press('KeyH', { meta: true, alt: true, shift: true }), true)).toBe(true);
    expect(matchesAccelerator(hold, press('KeyH', { ctrl: true, alt: true }), false)).toBe(false);
    expect(matchesAccelerator(hold, press('KeyS', { ctrl: true, alt: true, shift: true }), false)).toBe(false);
    expect(matchesAccelerator('', press('KeyH'), false)).toBe(false);
  });

  it('tells two spellings of the same keys apart from different keys', () => {
    expect(sameAccelerator('Ctrl+Alt+H', 'Alt+Control+h', false)).toBe(true);
    expect(sameAccelerator('CommandOrControl+H', 'Ctrl+H', false)).toBe(true);
    expect(sameAccelerator('CommandOrControl+H', 'Ctrl+H', true)).toBe(false);
  });
});

describe("the agent's active call", () => {
  const agent = { userId: 'user-demo', displayName: 'Demo Agent' };
  const call = (id: string, fields: SessionInfo): SessionInfo => ({
    id,
    callState: 'Connected',
    dateCreated: '2026-11-23T12:00:00Z',
    ...fields,
  });

  it('is a live voice call the agent answered, held, or is an Agent member of', () => {
    expect(isAgentsCall(call('a', { answeredByName: 'Demo Agent' }), agent)).toBe(true);
    expect(isAgentsCall(call('b', { callState: 'Hold', heldByUserId: 'user-demo' }), agent)).toBe(true);
    expect(isAgentsCall(call('c', { members: [{ role: 'Agent', identity: 'user-demo' }] }), agent)).toBe(true);
    expect(isAgentsCall(call('d', { members: [{ role: 'Caller', displayName: 'Demo Agent' }] }), agent)).toBe(false);
    expect(isAgentsCall(call('e', { answeredByName: 'Priya Shah' }), agent)).toBe(false);
    expect(isAgentsCall(call('f', { answeredByName: 'Demo Agent', callState: 'Ringing' }), agent)).toBe(false);
    expect(isAgentsCall(call('g', { answeredByName: 'Demo Agent', ended: true }), agent)).toBe(false);
    expect(isAgentsCall(call('h', { answeredByName: 'Demo Agent', channel: 'Chat' }), agent)).toBe(false);
    // A channel name this build does not know (servers add values) is still a call.
    expect(isAgentsCall(call('i', { answeredByName: 'Demo Agent', channel: 'Video' as never }), agent)).toBe(true);
  });

  it('is the most recent of several, and says how many there are', () => {
    const older = call('older', { answeredByName: 'Demo Agent', dateCreated: '2026-11-23T11:00:00Z' });
    const newer = call('newer', {
      answeredByName: 'Demo Agent',
      callState: 'Hold',
      dateCreated: '2026-11-23T11:30:00Z',
    });
    const other = call('other', { answeredByName: 'Priya Shah', dateCreated: '2026-11-23T11:59:00Z' });
    expect(agentCalls([older, other, newer], agent)).toEqual({ active: newer, count: 2 });
    expect(agentCalls([other], agent)).toEqual({ count: 0 });
    expect(agentCalls([older], undefined)).toEqual({ count: 0 });
  });
});

describe('accelerators as typed', () => {
  it('reads parts with spaces around them, and named keys in any case', () => {
    expect(acceleratorProblem('Ctrl + Alt + H')).toBeUndefined();
    expect(sameAccelerator('Ctrl + Alt + h', 'Ctrl+Alt+H', false)).toBe(true);
    expect(acceleratorProblem('Ctrl+Alt+Space')).toBeUndefined();
    expect(acceleratorProblem('Ctrl+Alt+PageUp')).toBeUndefined();
  });

  it('takes a whole key only: one letter or digit, F1 to F24, or a named key', () => {
    for (const key of ['F1', 'F10', 'F15', 'F19', 'F20', 'F24', 'f7']) expect(acceleratorProblem(key)).toBeUndefined();
    for (const key of ['Ctrl+Alt+XH', 'Ctrl+Alt+HX', 'F25', 'F0', 'XF1', 'F1X', 'Ctrl+Alt+Spacebar'])
      expect(acceleratorProblem(key), key).toContain('is not a key a hotkey can use');
  });

  it('calls two accelerators the same only when both are usable and name the same keys', () => {
    expect(sameAccelerator('Shift+H', 'Shift+H', false)).toBe(false);
    expect(sameAccelerator('Shift+H', 'Ctrl+H', false)).toBe(false);
    expect(sameAccelerator('Ctrl+H', 'Shift+H', false)).toBe(false);
    expect(sameAccelerator('Ctrl+Alt+H', 'Ctrl+Alt+J', false)).toBe(false);
    expect(sameAccelerator('Ctrl+Alt+H', 'Ctrl+Shift+H', false)).toBe(false);
    expect(sameAccelerator('CommandOrControl+Alt+H', 'Cmd+Option+H', true)).toBe(true);
    expect(sameAccelerator('CommandOrControl+Alt+H', 'Cmd+Option+H', false)).toBe(false);
  });
});

describe('key presses', () => {
  const key = (
    code: string,
    k: string,
    mods: { ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {},
  ) => ({
    ...press(code, mods),
    key: k,
  });

  it('matches only the exact modifiers: none missing, none extra', () => {
    const combo = 'Ctrl+Shift+K';
    expect(matchesAccelerator(combo, press('KeyK', { ctrl: true, shift: true }), false)).toBe(true);
    expect(matchesAccelerator(combo, press('KeyK', { ctrl: true, shift: true, alt: true }), false)).toBe(false);
    expect(matchesAccelerator(combo, press('KeyK', { ctrl: true, shift: true, meta: true }), false)).toBe(false);
    expect(matchesAccelerator(combo, press('KeyK', { ctrl: true }), false)).toBe(false);
    expect(matchesAccelerator(combo, press('KeyK', { shift: true }), false)).toBe(false);
    expect(matchesAccelerator('Alt+Shift+K', press('KeyK', { alt: true }), false)).toBe(false);
    expect(matchesAccelerator('Alt+Shift+K', press('KeyK', { alt: true, shift: true }), false)).toBe(true);
    expect(matchesAccelerator('Alt+Meta+K', press('KeyK', { alt: true, meta: true }), false)).toBe(true);
    expect(matchesAccelerator('Alt+Meta+K', press('KeyK', { alt: true }), false)).toBe(false);
  });

  it('matches by the key’s place for letters and digits, whatever the layout types', () => {
    expect(matchesAccelerator('Ctrl+Alt+Z', key('KeyZ', 'y', { ctrl: true, alt: true }), false)).toBe(true);
    expect(matchesAccelerator('Ctrl+Alt+7', key('Digit7', '/', { ctrl: true, alt: true }), false)).toBe(true);
    expect(matchesAccelerator('Ctrl+Alt+Z', key('NumpadKeyZ', 'x', { ctrl: true, alt: true }), false)).toBe(false);
    expect(matchesAccelerator('Ctrl+Alt+Z', key('KeyZZ', 'x', { ctrl: true, alt: true }), false)).toBe(false);
  });

  it('matches F-keys and named keys, Enter and Esc by either name', () => {
    expect(matchesAccelerator('F9', key('F9', 'F9'), false)).toBe(true);
    expect(matchesAccelerator('F9', key('F10', 'F10'), false)).toBe(false);
    expect(matchesAccelerator('Ctrl+Alt+Space', key('Space', ' ', { ctrl: true, alt: true }), false)).toBe(true);
    expect(matchesAccelerator('Ctrl+Alt+Enter', key('Enter', 'Enter', { ctrl: true, alt: true }), false)).toBe(true);
    expect(matchesAccelerator('Ctrl+Alt+Return', key('NumpadEnter', 'Enter', { ctrl: true, alt: true }), false)).toBe(
      true,
    );
    expect(matchesAccelerator('Ctrl+Alt+Esc', key('Escape', 'Escape', { ctrl: true, alt: true }), false)).toBe(true);
    for (const [name, k] of [
      ['Up', 'ArrowUp'],
      ['Down', 'ArrowDown'],
      ['Left', 'ArrowLeft'],
      ['Right', 'ArrowRight'],
      ['Home', 'Home'],
      ['Tab', 'Tab'],
    ] as const)
      expect(matchesAccelerator(`Ctrl+Alt+${name}`, key(k, k, { ctrl: true, alt: true }), false), name).toBe(true);
    expect(matchesAccelerator('Ctrl+Alt+Up', key('ArrowDown', 'ArrowDown', { ctrl: true, alt: true }), false)).toBe(
      false,
    );
  });

  it('never matches an accelerator that is not usable', () => {
    expect(matchesAccelerator('Shift+H', press('KeyH', { shift: true }), false)).toBe(false);
    expect(matchesAccelerator('H', press('KeyH'), false)).toBe(false);
  });
});
