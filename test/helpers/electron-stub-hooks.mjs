// Loaded with --import: resolves `electron` to test/helpers/electron-stub.mjs, and prints what the
// shell asked of it as one JSON line 1.5 s after start, then exits.
import { registerHooks } from 'node:module';

const stub = new URL('./electron-stub.mjs', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, next) => (specifier === 'electron' ? { url: stub, shortCircuit: true, format: 'module' } : next(specifier, context)),
});

setTimeout(() => {
  const c = globalThis.__electronCalls;
  const probe = (url) => {
    let cancel;
    c.webRequest?.({ url }, (r) => (cancel = r.cancel));
    return cancel;
  };
  const report = { ...c, webRequest: c.webRequest ? { appAllowed: probe('app://disclose/index.html') === false, cdnBlocked: probe('https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic') === true } : null };
  process.stdout.write(`STUB-REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}, 1500);
