// Registers the loader hook that hands the main bundle the Electron stand-in (see electron-loader.mjs).
import { register } from 'node:module';

register('./electron-loader.mjs', import.meta.url);
