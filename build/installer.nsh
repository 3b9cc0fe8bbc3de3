; NSIS additions (electron-builder `nsis.include`): uninstalling (not updating) also removes the
; uninstalling user's saved passwords, start-at-login entry and update cache
; (build/cleanup/remove-user-data.ps1, shipped in resources\cleanup); app data goes through
; deleteAppDataOnUninstall. A per-machine uninstall reaches only the user who runs it.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\cleanup\remove-user-data.ps1"'
    Pop $0
  ${endIf}
!macroend
