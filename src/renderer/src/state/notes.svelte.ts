// Console data drafts: what the agent is typing per call, autosaved after a pause through main's outbox.
import type { SessionInfo } from '../../../shared/evovoice';
import { t } from '../i18n/i18n.svelte';
import { noteForEditing } from '../lib/consoleDataText';
import { request } from './api';
import { consoleMirror } from './console.svelte';
import { live } from './live.svelte';
import { toasts } from './toasts.svelte';

export const AUTOSAVE_DELAY_MS = 800;

interface Draft {
  text: string;
  /** The server's note and its dateLastModified when this edit started. */
  base: { value?: string; dateLastModified?: string };
  /** The last text handed to main. */
  sent?: string;
  /** True while main has not answered the last save. */
  sending?: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

function baseOf(session: SessionInfo): Draft['base'] {
  return { value: session.consoleData, dateLastModified: session.dateLastModified };
}

class Notes {
  drafts = $state<Record<string, Draft>>({});

  /** The text the editor shows: the draft, else what main still holds unconfirmed, else the server's note. */
  textFor(session: SessionInfo): string {
    const id = session.id ?? '';
    const draft = this.drafts[id];
    if (draft) return draft.text;
    const status = consoleMirror.state.consoleData[id];
    if (status?.pending !== undefined && status.state !== 'saved') return status.pending;
    return noteForEditing(session.consoleData).text;
  }

  /** True while a pause-before-save is running (typed, not yet handed to main). */
  isTyping(sessionId: string): boolean {
    return this.drafts[sessionId]?.timer !== undefined;
  }

  /** True while main has not yet answered the last save of this note. */
  isSending(sessionId: string): boolean {
    return this.drafts[sessionId]?.sending === true;
  }

  edit(session: SessionInfo, text: string): void {
    const id = session.id;
    if (!id) return;
    const draft = (this.drafts[id] ??= { text, base: baseOf(session) });
    draft.text = text;
    if (draft.timer) clearTimeout(draft.timer);
    draft.timer = setTimeout(() => void this.save(id, session), AUTOSAVE_DELAY_MS);
  }

  /** Sends now (blur, closing the call) instead of waiting for the pause. */
  flush(session: SessionInfo): void {
    const id = session.id;
    const draft = id ? this.drafts[id] : undefined;
    if (id && draft?.timer) void this.save(id, session);
  }

  private async save(sessionId: string, opened: SessionInfo): Promise<void> {
    const draft = this.drafts[sessionId];
    if (!draft) return;
    if (draft.timer) clearTimeout(draft.timer);
    draft.timer = undefined;
    const session = live.find(sessionId) ?? opened;
    // Our previous save has reached the server: the next edit builds on it, not on the old note.
    if (draft.sent !== undefined && session.consoleData === draft.sent) draft.base = baseOf(session);
    if (draft.text === draft.sent) return;
    draft.sent = draft.text;
    draft.sending = true;
    const result = await request('call:save-console-data', { sessionId, text: draft.text, base: { ...draft.base } });
    draft.sending = false;
    if (!result.ok) toasts.show({ kind: 'error', title: t('toast.noteNotSaved'), body: result.error.message });
  }

  /** Keeps one version (mine, theirs or a hand merge) after a conflict. */
  async resolve(sessionId: string, text: string, theirs: { value?: string; dateLastModified?: string }): Promise<void> {
    const draft = this.drafts[sessionId];
    if (draft?.timer) clearTimeout(draft.timer);
    this.drafts[sessionId] = { text, base: { ...theirs }, sent: text };
    const result = await request('call:resolve-conflict', { sessionId, text });
    if (!result.ok) toasts.show({ kind: 'error', title: t('toast.conflictNotResolved'), body: result.error.message });
  }
}

export const notes = new Notes();
