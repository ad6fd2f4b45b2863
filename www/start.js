// Run first (a classic script): starts the analysis worker while the page's modules load.
// client.js takes it over (adoptWorker).
(() => {
  const worker = new Worker(new URL('./worker.js', document.currentScript.src), { type: 'module', name: 'envreport' });
  worker.onerror = (event) => { worker.failed = event.message || 'the worker failed to start'; };
  globalThis.envreportWorker = worker;
})();
