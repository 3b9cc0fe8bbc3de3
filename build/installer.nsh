; NSIS additions (electron-builder `nsis.include`).
;
; All-users start at login, on request: a per-machine install (/allusers) given /ALLUSERSAUTOSTART
; writes the Run value io.evovoice.console under HKLM, so the console starts at every user's login
; (it then turns the agent's own HKCU entry off: src/main/machine-autostart.ts). Ignored, with a
; line in the install log, on a per-user install. Upgrades keep it; uninstalling removes it.
;
; Uninstalling (not updating) also removes the uninstalling user's saved passwords, start-at-login
; entry and update cache (build/cleanup/remove-user-data.ps1, shipped in resources\cleanup); app data
; goes through deleteAppDataOnUninstall. A per-machine uninstall reaches only the user who runs it.
!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERSAUTOSTART" $R1
  ${ifNot} ${Errors}
    ${if} $installMode == "all"
      WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "io.evovoice.console" '"$appExe"'
      DetailPrint "Start at login for every user: HKLM Run io.evovoice.console"
    ${else}
      DetailPrint "/ALLUSERSAUTOSTART needs a per-machine install (/allusers): ignored"
    ${endIf}
  ${endIf}
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    ${if} $installMode == "all"
      DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "io.evovoice.console"
    ${endIf}
    nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\cleanup\remove-user-data.ps1"'
    Pop $0
  ${endIf}
!macroend
