// Left out of the web shell's bundle with ajv (see ajv.ts): conf calls it only beside a schema.
export default function ajvFormats(): never {
  throw new Error('ajv-formats is left out of the web shell: conf was given a schema (settings are checked by zod)');
}
