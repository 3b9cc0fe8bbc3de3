# Removes what Evo Voice Console keeps for the Windows user who runs it: settings, records, logs
# and crash dumps (%APPDATA%), the update cache, the start-at-login entry, and the passwords it
# saved in Credential Manager (keytar: generic credentials "evo-voice-console:<server>/<account>").
# The NSIS uninstaller runs it for the uninstalling user; for shared seats and MSI installs, run it
# as each agent (logon script, Intune remediation).
$ErrorActionPreference = 'Continue'
foreach ($dir in @("$env:APPDATA\Evo Voice Console", "$env:APPDATA\evo-voice-console", "$env:LOCALAPPDATA\evo-voice-console-updater")) {
  if (Test-Path -LiteralPath $dir) { Remove-Item -LiteralPath $dir -Recurse -Force }
}
# Electron's login item is a Run value named after the AppUserModelID.
Remove-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'io.evovoice.console' -ErrorAction SilentlyContinue

Add-Type -Namespace EvoVoice -Name Credentials -MemberDefinition @'
[DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
public static extern bool CredEnumerate(string filter, int flags, out int count, out IntPtr credentials);
[DllImport("advapi32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
public static extern bool CredDelete(string target, int type, int flags);
[DllImport("advapi32.dll")]
public static extern void CredFree(IntPtr buffer);
'@
$count = 0
$list = [IntPtr]::Zero
if ([EvoVoice.Credentials]::CredEnumerate('evo-voice-console:*', 0, [ref]$count, [ref]$list)) {
  # CREDENTIALW: DWORD Flags, DWORD Type, LPWSTR TargetName (at offset 8 on x86 and x64).
  $targets = for ($i = 0; $i -lt $count; $i++) {
    $credential = [Runtime.InteropServices.Marshal]::ReadIntPtr($list, $i * [IntPtr]::Size)
    [Runtime.InteropServices.Marshal]::PtrToStringUni([Runtime.InteropServices.Marshal]::ReadIntPtr($credential, 8))
  }
  [EvoVoice.Credentials]::CredFree($list)
  foreach ($target in $targets) { [void][EvoVoice.Credentials]::CredDelete($target, 1, 0) }
}
Write-Output "Evo Voice Console: data and saved passwords removed for $env:USERNAME"
