// `make package`: the npm package in target/package/ (then `npm pack` there).
//   import { analyze, version } from 'envreport';          module API (worker + wasm)
//   import 'envreport/widget';                              defines <envreport-analyzer>
//   import { analyze } from 'envreport/single';             everything in one file, wasm inlined
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const out = join(root, 'target', 'package');
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'pkg'), { recursive: true });
const files = ['envreport.js', 'widget.js', 'client.js', 'worker.js', 'worker-core.js', 'render.js', 'i18n.js',
  'envreport.d.ts', 'report.d.ts', 'widget.d.ts', 'pkg/envreport.js', 'pkg/envreport_bg.wasm', 'pkg/envreport-single.js',
  // what the worker loads when asked for a comparison's figures
  'compare.js', 'pkg/catalogue.js'];
for (const f of files) copyFileSync(join(www, f), join(out, f));
// the glue's own modules (the decoder of reports, src/wasm/tape.js)
cpSync(join(www, 'pkg', 'snippets'), join(out, 'pkg', 'snippets'), { recursive: true });
writeFileSync(join(out, 'envreport-single.d.ts'), "export * from './envreport.js';\n");

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const embedding = readme.slice(readme.indexOf('## Embedding'), readme.indexOf('\n## ', readme.indexOf('## Embedding') + 3));
writeFileSync(join(out, 'README.md'), `# envreport\n\nAnalyzer for Chinese government environmental reports, in the browser: metadata, section tree and every quantitative indicator, with spans into the text. Nothing leaves the machine.\n\n${embedding}`);

const pkg = {
  name: 'envreport',
  version,
  description: 'Analyzer for Chinese government environmental reports: metadata, outline and indicators, in WebAssembly',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  main: './envreport.js',
  types: './envreport.d.ts',
  exports: {
    '.': { types: './envreport.d.ts', default: './envreport.js' },
    './widget': { types: './widget.d.ts', default: './widget.js' },
    './single': { types: './envreport-single.d.ts', default: './pkg/envreport-single.js' },
    './package.json': './package.json',
  },
  files: [...files, 'pkg/snippets/', 'envreport-single.d.ts', 'README.md'],
  sideEffects: ['./widget.js', './pkg/envreport-single.js'],
  keywords: ['chinese', 'environment', 'report', 'nlp', 'wasm', 'web-component'],
};
writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
console.log(`package: ${out} (envreport ${version}); run \`npm pack\` there`);
