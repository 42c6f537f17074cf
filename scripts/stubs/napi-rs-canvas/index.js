// pdf.js loads @napi-rs/canvas for page rendering and DOM polyfills; Disclose only extracts text.
module.exports = {};
