// A classic script the page runs as soon as it arrives, while its modules are still
// loading: starts the analysis worker, so that the worker's own start and its wasm's
// download and compilation run beside the page's modules rather than after them.
// client.js takes this worker over (`adoptWorker`); a page without this script gets its
// worker from client.js when first asked.
(() => {
  const worker = new Worker(new URL('./worker.js', document.currentScript.src), { type: 'module', name: 'envreport' });
  // a failure before client.js listens: kept for it to see
  worker.onerror = (event) => { worker.failed = event.message || 'the analysis worker failed to start'; };
  globalThis.envreportWorker = worker;
})();
