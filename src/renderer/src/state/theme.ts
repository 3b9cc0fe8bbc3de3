// Applies the theme setting: 'system' follows prefers-color-scheme, light/dark override it.
import type { Settings } from '../../../shared/ipc';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
