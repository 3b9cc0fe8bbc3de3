// The on-demand views of the signed-in account: call history, the dashboard and its voicemail
// recordings (a voicemail is fetched only by the id of one the last dashboard answer listed).
import type { AppHomeResponse } from '../../shared/evovoice';
import type { HistoryPage, RequestArgs, VoicemailAudio } from '../../shared/ipc';
import { loadCallHistory } from './call-history';
import { CoreError } from './errors';
import type { Login } from './login';
import { toVoicemailAudio, VOICEMAIL_MAX_BYTES, VoicemailShelf } from './voicemail';

export interface PortalParts {
  /** The signed-in session's login and chosen account (throws the agent's error when none). */
  signedIn(): { login: Login; accountId: string | undefined };
  /** Counts the request as work in flight (the core's `settled()` waits for it). */
  track<T>(work: Promise<T>): Promise<T>;
}

export class Portal {
  private readonly voicemail = new VoicemailShelf();

  constructor(private readonly parts: PortalParts) {}

  /** A new sign-in or account: the last dashboard's recordings are no longer the agent's. */
  forget(): void {
    this.voicemail.forget();
  }

  callHistory(args: RequestArgs<'history:load'>): Promise<HistoryPage> {
    const { login, accountId } = this.withAccount();
    return this.parts.track(loadCallHistory(login, accountId, args));
  }

  async dashboard(args: RequestArgs<'dashboard:load'> = {}): Promise<AppHomeResponse> {
    const { login, accountId } = this.withAccount();
    const answer = await this.parts.track(login.call((c, o) => c.getPortalHome({ accountId, ...args }, o)));
    return this.voicemail.remember(answer);
  }

  async voicemailAudio(voicemailId: string): Promise<VoicemailAudio> {
    const { login } = this.parts.signedIn();
    const uri = this.voicemail.uriOf(voicemailId);
    return toVoicemailAudio(await this.parts.track(login.call((c, o) => c.getFile(uri, VOICEMAIL_MAX_BYTES, o))));
  }

  private withAccount(): { login: Login; accountId: string } {
    const { login, accountId } = this.parts.signedIn();
    if (!accountId) throw new CoreError('not-signed-in', 'Choose an account first.');
    return { login, accountId };
  }
}
