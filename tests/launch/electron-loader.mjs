// Module loader hook for the start-up test: `import … from 'electron'` in the built main bundle
// resolves to the recording stand-in (the Electron binary cannot run here). Registered with
// `node --import ./tests/launch/register.mjs`.
const STAND_IN = new URL('./electron-stand-in.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
