// The preload (sandboxed, context-isolated): exposes the IPC contract as `window.evoConsole`.
import { contextBridge, ipcRenderer } from 'electron';

import { createPreloadApi } from './api';

contextBridge.exposeInMainWorld('evoConsole', createPreloadApi(ipcRenderer));
