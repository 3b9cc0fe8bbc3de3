// Where the app's own resource files are (tray icons, …): resources/ in the source tree while
// developing, process.resourcesPath in a packaged app (the packager copies them as extraResources).
import { join } from 'node:path';

export interface ResourceLayout {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** process.resourcesPath: beside app.asar in a packaged app. */
  resourcesPath: string;
}

export function resourcesDir(layout: ResourceLayout): string {
  return layout.isPackaged ? layout.resourcesPath : join(layout.appPath, 'resources');
}

export function resourcePath(layout: ResourceLayout, ...segments: string[]): string {
  return join(resourcesDir(layout), ...segments);
}
