// Older activity on request: the "Load older calls" button asks main for the next page
// ('activity:more'); the list grows through the usual patch, and the result is said aloud.
import { format, t } from '../i18n/i18n.svelte';
import { announcer } from './announcer.svelte';
import { request } from './api';
import { toasts } from './toasts.svelte';

class OlderActivity {
  /** A read is on its way. */
  loading = $state(false);
  /** The server said there is nothing older in the window (until the next sign-in). */
  done = $state(false);

  async load(): Promise<void> {
    if (this.loading || this.done) return;
    this.loading = true;
    const result = await request('activity:more', {});
    this.loading = false;
    if (!result.ok) {
      toasts.show({ kind: 'error', title: t('activity.olderFailed'), body: result.error.message });
      return;
    }
    const { added, more } = result.value;
    this.done = !more;
    announcer.say(
      added === 0
        ? t('activity.olderNone')
        : added === 1
          ? t('activity.olderOne')
          : t('activity.olderMany', { count: format.count(added) }),
    );
  }

  /** Another agent or account: older pages are asked for again. */
  reset(): void {
    this.loading = false;
    this.done = false;
  }
}

export const olderActivity = new OlderActivity();
