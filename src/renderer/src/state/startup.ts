// Connects the stores to main: first 'state:get', then every event; reports page visibility.
import { t } from '../i18n/i18n.svelte';
import { noticeText } from '../i18n/words';
import { listen, request } from './api';
import { clock } from './clock.svelte';
import { consoleMirror } from './console.svelte';
import { live } from './live.svelte';
import { navigation } from './navigation.svelte';
import { olderActivity } from './older-activity.svelte';
import { applyTheme } from './theme';
import { toasts } from './toasts.svelte';

let resyncing = false;

async function resync(): Promise<void> {
  if (resyncing) return;
  resyncing = true;
  const result = await request('live:resync', {});
  resyncing = false;
  if (result.ok) live.replace(result.value);
  else toasts.show({ kind: 'error', title: t('toast.liveOutOfDate'), body: result.error.message });
}

function reportVisibility(): void {
  void request('app:visibility', { visible: document.visibilityState === 'visible' });
}

export async function startConsole(): Promise<void> {
  clock.start();
  listen('live:snapshot', (snapshot) => live.replace(snapshot));
  listen('live:patch', (patch) => {
    if (!live.apply(patch)) void resync();
  });
  listen('state:changed', (state) => {
    const wasSignedIn = consoleMirror.signedIn;
    consoleMirror.state = state;
    if (wasSignedIn && !state.identity) {
      live.clear();
      olderActivity.reset();
    }
  });
  listen('settings:changed', (settings) => {
    consoleMirror.settings = settings;
    applyTheme(settings.theme);
  });
  listen('notification:shown', (n) =>
    toasts.show({ kind: 'notification', title: n.title, body: n.body, sessionId: n.sessionId }),
  );
  listen('notification:clicked', (n) => {
    if (n.sessionId && n.editNotes) navigation.editNotes(n.sessionId);
    else if (n.sessionId) navigation.openCall(n.sessionId);
    else navigation.show('activity');
  });
  listen('app:navigate', (n) => navigation.show(n.view));
  listen('update:status', (status) => (consoleMirror.update = status));
  document.addEventListener('visibilitychange', reportVisibility);

  const result = await request('state:get', {});
  if (!result.ok) {
    consoleMirror.startError = result.error.message;
    return;
  }
  const { state, snapshot, settings, notices, lockedSettings } = result.value;
  consoleMirror.state = state;
  consoleMirror.settings = settings;
  // After the settings: they say the agent's language.
  for (const notice of notices ?? []) {
    toasts.show({ kind: 'error', title: t('toast.settings'), body: noticeText(notice) });
  }
  consoleMirror.lockedSettings = lockedSettings ?? [];
  consoleMirror.hotkeysByDesktop = result.value.hotkeysByDesktop ?? false;
  consoleMirror.recommendedSettings = result.value.recommendedSettings ?? {};
  applyTheme(settings.theme);
  // The pushed snapshot may already be here (and newer): replacing it would re-render every row for nothing.
  if (state.identity && (!live.loaded || snapshot.version > live.version)) live.replace(snapshot);
  consoleMirror.answered = true;
  reportVisibility();
}

export { resync };
