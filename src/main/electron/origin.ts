// The renderer's origin under the app:// protocol (no electron import: pure modules use it too).
export const APP_ORIGIN = 'app://disclose';
