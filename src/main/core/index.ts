// The console core's entry point for the shells, the benchmarks and the tests.
export { createConsoleCore, type LocalConsoleCore } from './console-core';
export { CoreError } from './errors';
export { createEvoVoiceClient, type EvoVoiceClient, type EvoVoiceClientOptions } from './client';
export { diffSessions } from './diff';
export { checkServerUrl, secretService, PRODUCTION_URL, STAGING_URL } from './server-url';
export type { ConsoleCore, CoreEvent } from './console';
export * from './ports';
