// The analysis worker: loads the wasm next to this file once, then serves requests.
import init from './pkg/envreport.js';
import { serveRequests } from './worker-core.js';

serveRequests(init({ module_or_path: new URL('./pkg/envreport_bg.wasm', import.meta.url) }));
