// What Playwright cannot reach in the desktop app (tray menu, OS notifications), exposed on
// globalThis for electronApp.evaluate() — only when EVO_CONSOLE_TEST_HOOKS=1.
import type { Notification } from './core/ports';
import type { TrayAction } from './tray-actions';
import type { TrayView } from './tray-menu';

export interface TestHooks {
  runTrayAction(action: TrayAction): Promise<boolean>;
  notifications(): Notification[];
  trayView(): TrayView | undefined;
}

export const TEST_HOOKS_KEY = '__evoConsoleTestHooks';

export function testHooksEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.EVO_CONSOLE_TEST_HOOKS === '1';
}

/** Installs the hooks when the environment asks for them; answers whether it did. */
export function installTestHooks(env: NodeJS.ProcessEnv, hooks: TestHooks, target: object = globalThis): boolean {
  if (!testHooksEnabled(env)) return false;
  Object.defineProperty(target, TEST_HOOKS_KEY, { value: Object.freeze({ ...hooks }), configurable: true });
  return true;
}
