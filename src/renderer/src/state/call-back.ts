// Calling a caller back: the workstation's dialer opened on the number in E.164 (the template from
// Settings or the administrator's policy), or the number copied. Main lets exactly that URI out.
import { dialerUri } from '../../../shared/dialer';
import { toE164 } from '../../../shared/phone-number';
import { t } from '../i18n/i18n.svelte';
import { consoleMirror } from './console.svelte';
import { toasts } from './toasts.svelte';

/** The dialer URI for `number`, or undefined when it is not a number a dialer can take. */
export function callBackUri(number: string | undefined): string | undefined {
  return number ? dialerUri(consoleMirror.settings.dialerUriTemplate, number) : undefined;
}

/** Opens the dialer: the desktop shell hands the URI to the OS (security.ts), a browser to its handler. */
export function callBack(number: string | undefined): boolean {
  const uri = callBackUri(number);
  if (!uri) {
    toasts.show({ kind: 'error', title: t('callBack.failed'), body: t('callBack.noNumber') });
    return false;
  }
  window.open(uri, '_blank', 'noopener');
  return true;
}

/** Copies the number (in E.164 when it is one) and says so. */
export async function copyNumber(number: string | undefined): Promise<void> {
  const text = (number && toE164(number)) ?? number ?? '';
  try {
    await navigator.clipboard.writeText(text);
    toasts.show({ kind: 'info', title: t('callBack.copied', { number: text }) });
  } catch {
    toasts.show({ kind: 'error', title: t('callBack.copyFailed'), body: text });
  }
}
