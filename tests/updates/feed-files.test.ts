// The update feed files the packager really writes for a version, computed by electron-builder's
// own code (app-builder-lib's publish config resolution and update-info tasks, the same calls an
// installer build makes) with our config: a beta version never lands on the stable feed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { AppInfo, Arch, Platform } from 'app-builder-lib';
import { getPublishConfigs } from 'app-builder-lib/out/publish/PublishManager';
import { createUpdateInfoTasks } from 'app-builder-lib/out/publish/updateInfoBuilder';
import { describe, expect, it } from 'vitest';

import config from '../../electron-builder.config';
import pkg from '../../package.json' with { type: 'json' };

const outDir = mkdtempSync(join(tmpdir(), 'evo-feed-files-'));
const installer = join(outDir, 'installer.bin');
writeFileSync(installer, 'installer bytes');

/** The update-info file names electron-builder writes for one installer of `version` on `platform`. */
async function feedFiles(version: string, platform: Platform, target: string): Promise<string[]> {
  const options = config[platform.buildConfigurationKey as 'win' | 'mac' | 'linux'];
  const info = { metadata: { ...pkg, version }, config, repositoryInfo: Promise.resolve(null) } as Record<
    string,
    unknown
  >;
  info.appInfo = new AppInfo(info as never, undefined, options as never);
  const packager = {
    platform,
    platformSpecificBuildOptions: options,
    config,
    info,
    appInfo: info.appInfo,
    expandMacro: (value: string) => value,
    getResource: async () => null,
  };
  const publishConfigs = await getPublishConfigs(packager as never, null, Arch.x64, false);
  const tasks = await createUpdateInfoTasks(
    { packager, target: { outDir, name: target }, file: installer, arch: Arch.x64 } as never,
    publishConfigs as never,
  );
  return tasks.map((task) => basename(task.file)).sort();
}

describe('update feed files', () => {
  it('a beta version writes the beta (and alpha) feed, never latest*.yml', async () => {
    expect(await feedFiles('0.3.0-beta.1', Platform.LINUX, 'AppImage')).toEqual(['alpha-linux.yml', 'beta-linux.yml']);
    expect(await feedFiles('0.3.0-beta.1', Platform.WINDOWS, 'nsis')).toEqual(['alpha.yml', 'beta.yml']);
    expect(await feedFiles('0.3.0-beta.1', Platform.MAC, 'zip')).toEqual(['alpha-mac.yml', 'beta-mac.yml']);
  });

  it('a stable version writes latest*.yml, and the beta feed too so beta seats move on to it', async () => {
    expect(await feedFiles('0.3.0', Platform.LINUX, 'AppImage')).toEqual([
      'alpha-linux.yml',
      'beta-linux.yml',
      'latest-linux.yml',
    ]);
    expect(await feedFiles('0.3.0', Platform.WINDOWS, 'nsis')).toEqual(['alpha.yml', 'beta.yml', 'latest.yml']);
  });
});
