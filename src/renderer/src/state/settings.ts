// Changing settings: one field at a time, applied at once, the theme included.
import type { Settings } from '../../../shared/ipc';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { applyTheme } from './theme';

export async function updateSettings(patch: Partial<Settings>): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await request('settings:update', patch);
  if (!result.ok) return { ok: false, message: result.error.message };
  consoleMirror.settings = result.value;
  applyTheme(result.value.theme);
  return { ok: true };
}

export async function diagnostics(): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const result = await request('app:diagnostics', {});
  return result.ok ? { ok: true, text: result.value } : { ok: false, message: result.error.message };
}
