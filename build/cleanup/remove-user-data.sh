#!/bin/sh
# Removes what Evo Voice Console keeps for the user who runs it (macOS and Linux): settings,
# records, logs and crash dumps, the start-at-login entry, the update cache, and the passwords it
# saved in the keychain (keytar: service "evo-voice-console:<server>"). For shared seats: run it as
# each agent (a logout hook, Jamf policy or login script), before or after uninstalling.
set -u
name='Evo Voice Console'
package='evo-voice-console'
prefix='evo-voice-console:'

case "$(uname -s)" in
Darwin)
  support="$HOME/Library/Application Support"
  rm -rf "$support/$name" "$support/$package" "$HOME/Library/Logs/$name" "$HOME/Library/Logs/$package" \
    "$HOME/Library/Caches/$package-updater" "$HOME/Library/Caches/io.evovoice.console" \
    "$HOME/Library/Caches/io.evovoice.console.ShipIt" "$HOME/Library/Preferences/io.evovoice.console.plist"
  # keytar keeps generic passwords whose service ("svce") is evo-voice-console:<server>.
  security dump-keychain 2>/dev/null |
    sed -n "s/^ *\"svce\"<blob>=\"\\($prefix[^\"]*\\)\".*/\\1/p" | sort -u |
    while IFS= read -r service; do
      while security delete-generic-password -s "$service" >/dev/null 2>&1; do :; done
    done
  ;;
*)
  config="${XDG_CONFIG_HOME:-$HOME/.config}"
  cache="${XDG_CACHE_HOME:-$HOME/.cache}"
  rm -rf "$config/$name" "$config/$package" "$config/autostart/io.evovoice.console.desktop" \
    "$config/autostart/$package.desktop" "$cache/$package-updater"
  # keytar keeps Secret Service items with the attributes service and account. secret-tool prints
  # the attributes on stderr and the secrets on stdout: only the attributes are read.
  if command -v secret-tool >/dev/null 2>&1; then
    secret-tool search --all xdg:schema org.freedesktop.Secret.Generic 2>&1 >/dev/null |
      sed -n "s/^attribute\\.service = \\($prefix.*\\)$/\\1/p" | sort -u |
      while IFS= read -r service; do
        secret-tool clear service "$service"
      done
  fi
  ;;
esac
echo "Evo Voice Console: data and saved passwords removed for $(id -un)"
