// Who the desktop app is to the operating system: one place for the app id (Windows
// AppUserModelID, macOS bundle id, the packager's appId), the product name, the Linux desktop
// entry and the privileged scheme the page is served from. Plain constants: the packaging config
// imports them too.
export const APP_ID = 'io.evovoice.console';
export const PRODUCT_NAME = 'Evo Voice Console';
/**
 * The .desktop file the Linux packages install (electron-builder `syncDesktopName`); must equal
 * package.json "desktopName", which Electron turns into the Wayland app_id, the X11 WM_CLASS and the
 * id desktop portals know the app by: reverse-DNS, because GNOME's GlobalShortcuts portal refuses an
 * id that is not a valid GApplication id (at least one dot), and the hotkeys go through it on Wayland.
 */
export const DESKTOP_NAME = `${APP_ID}.desktop`;
/** The name versions before the app id used for the desktop file and the autostart entry. */
export const LEGACY_DESKTOP_NAME = 'evo-voice-console.desktop';
/** The data folder (under the OS app-data folder) of versions before package.json had productName: its package name. */
export const LEGACY_DATA_FOLDER = 'evo-voice-console';

/** The page is served from app://console/… (protocol.handle), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;
