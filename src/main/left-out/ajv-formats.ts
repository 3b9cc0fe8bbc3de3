// Left out of both bundles with ajv (see ajv.ts): conf calls it only beside a schema.
export default function ajvFormats(): never {
  throw new Error('ajv-formats is left out of the console: conf was given a schema (settings are checked by zod)');
}
