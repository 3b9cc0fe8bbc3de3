// The Windows policy reader's second way in: Windows PowerShell's Get-ItemProperty, for desktops
// where reg.exe is refused (the `DisableRegistryTools` policy, common on locked-down call-centre
// seats, makes reg.exe answer "Registry editing has been disabled by your administrator", which
// does not stop PowerShell's registry provider). Only cmdlets and a hashtable, so it also runs in
// PowerShell's Constrained Language Mode; the command travels -EncodedCommand, never through a shell.
import { spawnSync } from 'node:child_process';
import { posix, win32 } from 'node:path';

import type { Hive } from './read-windows';

const HIVE_PATHS: Record<Hive, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

/** What one hive holds, as PowerShell told it. */
export type PowerShellAnswer = { absent: true } | { values: Record<string, unknown> } | { problem: string };
/** Runs powershell.exe with these arguments: its exit status, output and errors. */
export type RunPowerShell = (args: string[]) => {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
};

export function powerShellPath(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? env.windir ?? 'C:\\Windows';
  return (root.startsWith('/') ? posix : win32).join(root, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}

export const runPowerShell: RunPowerShell = (args) => {
  const result = spawnSync(powerShellPath(), args, { encoding: 'utf8', windowsHide: true, timeout: 15_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
};

/** The script for one hive's policy key: "absent", or its values as one JSON object (PowerShell's own properties left out). */
export function powerShellScript(hive: Hive, keyPath: string): string {
  const path = `Registry::${HIVE_PATHS[hive]}\\${keyPath}`.replaceAll("'", "''");
  return [
    "$ErrorActionPreference = 'Stop'",
    `$p = '${path}'`,
    "if (-not (Test-Path -LiteralPath $p)) { 'absent'; exit 0 }",
    '$v = @{}',
    '(Get-ItemProperty -LiteralPath $p).PSObject.Properties | ForEach-Object {',
    "  if ($_.Name -notmatch '^PS(Path|ParentPath|ChildName|Drive|Provider)$') { $v[$_.Name] = $_.Value }",
    '}',
    'ConvertTo-Json -InputObject $v -Depth 3 -Compress',
  ].join('\n');
}

/** Reads one hive's policy key with PowerShell; never throws. */
export function readHiveWithPowerShell(
  hive: Hive,
  keyPath: string,
  run: RunPowerShell = runPowerShell,
): PowerShellAnswer {
  const encoded = Buffer.from(powerShellScript(hive, keyPath), 'utf16le').toString('base64');
  const result = run(['-NoLogo', '-NoProfile', '-NonInteractive', '-EncodedCommand', encoded]);
  if (result.error || result.status !== 0) {
    return { problem: result.error?.message ?? (result.stderr.trim() || `PowerShell exited with ${result.status}`) };
  }
  const out = result.stdout.trim();
  if (out === 'absent') return { absent: true };
  try {
    const values: unknown = JSON.parse(out);
    if (values && typeof values === 'object' && !Array.isArray(values))
      return { values: values as Record<string, unknown> };
  } catch {
    // falls through to the problem below
  }
  return { problem: `PowerShell answered what is not a policy: ${out.slice(0, 80)}` };
}
