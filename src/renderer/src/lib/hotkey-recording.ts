// A hotkey recorded by pressing it in Settings: the accelerator (Electron's syntax) a key press
// stands for, or undefined for a press that edits the text (Ctrl+C, Shift+letter, arrows) or is
// the console's own shortcut (Alt+1…9 views, Alt+R retry), which keeps working from the field.

/** The key of `event.code` an accelerator can use: a letter, a digit, F1–F24 or Space. */
function acceleratorKey(code: string): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return letter;
  const digit = /^Digit(\d)$/.exec(code)?.[1];
  if (digit) return digit;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return code === 'Space' ? 'Space' : undefined;
}

/** "CommandOrControl+Alt+Shift+H" for Ctrl+Alt+Shift+H (Cmd on macOS); undefined when the press edits text. */
export function pressedAccelerator(
  event: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): string | undefined {
  const key = acceleratorKey(event.code);
  if (!key) return undefined;
  const control = event.ctrlKey || event.metaKey;
  const functionKey = /^F\d+$/.test(key);
  const recorded = functionKey || event.altKey || (control && event.shiftKey);
  const consoleShortcut = event.altKey && !control && !event.shiftKey && /^([1-9]|R)$/.test(key);
  if (!recorded || consoleShortcut) return undefined;
  return [
    ...(control ? ['CommandOrControl'] : []),
    ...(event.altKey ? ['Alt'] : []),
    ...(event.shiftKey ? ['Shift'] : []),
    key,
  ].join('+');
}
