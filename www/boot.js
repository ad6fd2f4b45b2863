// Runs as soon as it arrives (an async module, before the page's main.js): starts the
// analysis worker, so that its wasm loads while the page is still being parsed. The page
// and this share client.js, and with it the one worker.
import { analyzerVersion } from './client.js';

analyzerVersion().catch(() => {}); // main.js reports a worker that fails
