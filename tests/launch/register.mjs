// Registers the loader hooks that hand the main process the Electron stand-in (see
// electron-loader.mjs): `import 'electron'` in the bundle, and `require('electron')` in the CommonJS
// dependencies it loads at run time (electron-updater), which get the same stand-in object.
import Module, { register } from 'node:module';

register('./electron-loader.mjs', import.meta.url);

const load = Module._load;
Module._load = function loadWithStandIn(request, ...rest) {
  if (request !== 'electron') return load.call(this, request, ...rest);
  const standIn = globalThis.__evoElectronStandIn;
  if (!standIn) throw new Error('electron stand-in: required before tests/launch/electron-stand-in.ts was loaded');
  return standIn;
};
