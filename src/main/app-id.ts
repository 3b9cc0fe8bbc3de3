// The app's identity on every OS: the AppUserModelID on Windows, the bundle id on macOS, the
// packager's appId, and the name IT sees in installers and policy paths.
export const APP_ID = 'io.evovoice.console';
export const PRODUCT_NAME = 'Evo Voice Console';
