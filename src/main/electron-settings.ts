// Opens the settings files with electron-store in the Electron shell (conf's own options; it
// names the file from `name`, so the configName is passed on as that).
import ElectronStore from 'electron-store';

import type { OpenStore } from './settings-store';

export const openElectronStore: OpenStore = (options) => new ElectronStore({ ...options, name: options.configName });
