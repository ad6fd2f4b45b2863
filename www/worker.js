// The analysis worker: starts fetching its wasm at once, beside its modules rather than
// after them (one round trip fewer on a slow network), then serves requests. Messages that
// arrive while it loads wait for it.
const early = [];
self.onmessage = (event) => early.push(event);
const wasm = fetch(new URL('./pkg/envreport_bg.wasm', import.meta.url));
const [{ default: init }, { serveRequests, warmUp }] = await Promise.all([import('./pkg/envreport.js'), import('./worker-core.js')]);
const ready = init({ module_or_path: wasm });
// nothing asked yet (`warmUp` checks, after the early messages below are served): the
// first analysis's one-time work (the lexicon, the code's first compilation) is done now
// rather than while someone waits
ready.then(warmUp, () => {});
serveRequests(ready);
for (const event of early) self.onmessage(event);
