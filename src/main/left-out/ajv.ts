// Left out of the app's and the web shell's bundles (electron.vite.config.ts, src/web/vite.config.ts): conf imports ajv at its top, but uses it only
// for a JSON `schema`, which the console never gives (zod checks its settings). In its place, this,
// which says so if anything ever constructs one.
export class Ajv2020 {
  constructor() {
    throw new Error('ajv is left out of the console: conf was given a schema (settings are checked by zod)');
  }
}
