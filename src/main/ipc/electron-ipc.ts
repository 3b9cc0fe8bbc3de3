// Registers the dispatcher on ipcMain for every request channel, after checking that the sender
// is the app's own top frame; events go to the window's webContents.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

import {
  type ConsoleError,
  type EventChannel,
  type EventPayloads,
  type IpcResult,
  REQUEST_CHANNELS,
} from '../../shared/ipc';
import { type AppPage, isAppPage } from '../app-origin';
import type { Logger } from '../core/ports';
import type { Dispatch } from './dispatch';

const FORBIDDEN: ConsoleError = { code: 'forbidden-sender', message: 'This page may not talk to the console.' };

export function isAppSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, page: AppPage): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppPage(frame.url, page);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, page: AppPage, log: Logger): void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown): Promise<IpcResult<unknown>> | IpcResult<unknown> => {
      if (!isAppSender(event, page)) {
        log.warn('Refused IPC from a frame that is not the console', {
          channel,
          url: (event.senderFrame?.url ?? 'none').slice(0, 200),
        });
        return { ok: false, error: FORBIDDEN };
      }
      return dispatch(channel, args);
    });
  }
}

/** A SendEvent for one window; quiet once the window is gone. */
export function sendTo(contents: () => WebContents | undefined) {
  return <E extends EventChannel>(event: E, payload: EventPayloads[E]): void => {
    const target = contents();
    if (target && !target.isDestroyed()) target.send(event, payload);
  };
}
