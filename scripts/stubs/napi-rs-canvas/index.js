// @napi-rs/canvas 1.1.1's JavaScript (MIT, vendor/LICENSE), loading the platform's Skia binary
// from the @napi-rs/canvas-<platform> package installed beside it as an optional dependency.
// The published @napi-rs/canvas names platform packages the registry does not all serve, which
// breaks `npm ci`; the binaries for Linux x64, macOS (x64, arm64) and Windows x64 are served and
// pinned in the root package.json. Where none loads (another platform), this exports only
// `loadError`: pdf.js still reads text, and page rendering (redaction) says what is missing.
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package, as pdf.js requires it
  module.exports = require('./vendor/index.js');
} catch (error) {
  module.exports = { loadError: error instanceof Error ? error.message : String(error) };
}
