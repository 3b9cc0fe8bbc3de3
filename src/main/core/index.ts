// The console core's entry point for the shells, the benchmarks and the tests.
export { createEvoVoiceClient, type EvoVoiceClient, type EvoVoiceClientOptions } from './client';
export type { ConsoleCore, CoreEvent } from './console';
export { createConsoleCore, type LocalConsoleCore } from './console-core';
export { diffSessions } from './diff';
export { CoreError } from './errors';
export * from './ports';
export { checkServerUrl, PRODUCTION_URL, secretService, STAGING_URL } from './server-url';
