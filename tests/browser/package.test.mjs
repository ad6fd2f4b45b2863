// `make package` gives a package directory that npm can pack, whose exports resolve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './harness.mjs';

test('the package packs with every file its exports name', () => {
  execFileSync('node', [join(ROOT, 'tools/package.mjs')], { cwd: ROOT });
  const dir = join(ROOT, 'target/package');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' }))[0];
  const files = new Set(packed.files.map((f) => f.path));
  for (const entry of Object.values(pkg.exports)) {
    for (const path of typeof entry === 'string' ? [entry] : Object.values(entry)) {
      const rel = path.replace(/^\.\//, '');
      assert.ok(existsSync(join(dir, rel)), `${rel} missing`);
      assert.ok(files.has(rel), `${rel} not packed`);
    }
  }
  // every module a packed module imports is packed too (the glue imports its snippets)
  for (const f of files) {
    if (!f.endsWith('.js')) continue;
    const code = readFileSync(join(dir, f), 'utf8');
    for (const [, spec] of code.matchAll(/^\s*import\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const target = join(dirname(f), spec);
      assert.ok(files.has(target), `${f} imports ${spec}, which is not packed`);
    }
  }
  for (const f of ['pkg/envreport_bg.wasm', 'worker.js', 'worker-core.js', 'client.js', 'README.md']) assert.ok(files.has(f), `${f} not packed`);
  assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /<envreport-analyzer/);
  assert.equal(pkg.types, './envreport.d.ts');
});
