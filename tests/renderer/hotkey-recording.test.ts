// Recording a hotkey by pressing it: which presses become an accelerator, which stay text editing
// or the console's own shortcuts.
import { describe, expect, it } from 'vitest';

import { pressedAccelerator } from '../../src/renderer/src/lib/hotkey-recording';
import { acceleratorProblem } from '../../src/shared/hotkeys';

const press = (code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  pressedAccelerator({ code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('pressedAccelerator', () => {
  it('records three modifiers and a letter, Alt with a key, Ctrl+Shift with a key, and F-keys', () => {
    expect(press('KeyH', { ctrlKey: true, altKey: true, shiftKey: true })).toBe('CommandOrControl+Alt+Shift+H');
    expect(press('KeyH', { metaKey: true, altKey: true, shiftKey: true })).toBe('CommandOrControl+Alt+Shift+H');
    expect(press('KeyK', { ctrlKey: true, shiftKey: true })).toBe('CommandOrControl+Shift+K');
    expect(press('Digit7', { ctrlKey: true, altKey: true })).toBe('CommandOrControl+Alt+7');
    expect(press('F9')).toBe('F9');
    expect(press('Space', { ctrlKey: true, altKey: true })).toBe('CommandOrControl+Alt+Space');
    for (const recorded of ['CommandOrControl+Alt+Shift+H', 'CommandOrControl+Shift+K', 'F9'])
      expect(acceleratorProblem(recorded)).toBeUndefined();
  });

  it('leaves text editing and the console’s own shortcuts alone', () => {
    expect(press('KeyA', { ctrlKey: true })).toBeUndefined();
    expect(press('KeyV', { ctrlKey: true })).toBeUndefined();
    expect(press('KeyH', { shiftKey: true })).toBeUndefined();
    expect(press('KeyH')).toBeUndefined();
    expect(press('ArrowLeft', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(press('ShiftLeft', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(press('Digit1', { altKey: true })).toBeUndefined();
    expect(press('KeyR', { altKey: true })).toBeUndefined();
  });

  it('reads only whole key codes: a letter, a digit, F1 to F24', () => {
    const alt = { altKey: true };
    expect(press('NumpadKeyH', alt)).toBeUndefined();
    expect(press('KeyHome', alt)).toBeUndefined();
    expect(press('NumpadDigit7', alt)).toBeUndefined();
    expect(press('Digit70', alt)).toBeUndefined();
    expect(press('XF9')).toBeUndefined();
    expect(press('F9x')).toBeUndefined();
    expect(press('F25')).toBeUndefined();
    expect(press('F1x')).toBeUndefined();
    expect(press('NumpadDigit7', { ctrlKey: true, altKey: true })).toBeUndefined();
    expect(press('Digit70', { ctrlKey: true, altKey: true })).toBeUndefined();
    expect(press('XF9', { altKey: true })).toBeUndefined();
    expect(press('F10')).toBe('F10');
    expect(press('F15')).toBe('F15');
    expect(press('F24')).toBe('F24');
  });

  it('records Alt with an F-key, which is no view shortcut', () => {
    expect(press('F1', { altKey: true })).toBe('Alt+F1');
    expect(press('F11', { altKey: true })).toBe('Alt+F11');
  });
});
