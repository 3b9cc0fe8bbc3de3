// Which production packages the packaged app needs at run time: what out/main loads without
// bundling it (electron-updater, plist, keytar) and their dependencies; not what the main bundle
// already contains (zod, conf, electron-store and theirs), nor keytar's install-time tools.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** The packages out/main requires at run time (checked against the built bundle by tests/package/layout.test.ts). */
export const RUNTIME_EXTERNALS = ['electron-updater', 'plist', 'keytar'];
/** Dependencies a package needs only to install or build (keytar: prebuilt download, C++ headers). */
export const INSTALL_TIME_ONLY: Record<string, string[]> = { keytar: ['node-addon-api', 'prebuild-install'] };

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The package folder `name` resolves to from `from` (Node's lookup up the node_modules chain). */
function resolveDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Names of every package reachable from `roots` through dependencies (install-time ones skipped unless asked). */
export function dependencyClosure(roots: string[], root = ROOT, withInstallTime = false): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    const dir = resolveDir(name, from);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    names.add(name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const skip = new Set(withInstallTime ? [] : (INSTALL_TIME_ONLY[name] ?? []));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (!skip.has(dep)) visit(dep, dir);
    }
  };
  for (const name of roots) visit(name, root);
  return names;
}

/** Production packages the app does not load at run time: bundled into out/main, or install-time only. */
export function packagesNotShipped(root = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const production = dependencyClosure(Object.keys(pkg.dependencies ?? {}), root, true);
  const needed = dependencyClosure(RUNTIME_EXTERNALS, root);
  return [...production].filter((name) => !needed.has(name)).sort();
}
