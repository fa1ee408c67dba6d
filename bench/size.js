#!/usr/bin/env node
'use strict';
// size.js — the big runs, too slow for CI: the size requirements and
// linear time on hostile inputs.
//
//   node bench/size.js [--native-dir build/native] [--dist dist] [--out FILE]
//                      [--parts wasm50,cli200,hostile]
//
//   1. 50 MB of articles through the wasm module in Node (the npm package)
//   2. 200 MB of articles through the native CLI (tools/article-inspector)
//   3. each hostile pattern (digits, quotes, capitalised words, "1,", junk
//      bytes, one long line...) at 256 KB, 1 MB and 4 MB through wasm: time
//      per MB should stay flat, which is what "linear" means here
// Prints the results and writes JSON (default bench/results/size-latest.json).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { performance } = require('perf_hooks');
const { locateCorpus } = require('./corpus');

const root = path.resolve(__dirname, '..');
const args = { nativeDir: path.join(root, 'build/native'), dist: path.join(root, 'dist'),
  out: path.join(root, 'bench/results/size-latest.json'), parts: ['wasm50', 'cli200', 'hostile'] };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--native-dir') args.nativeDir = path.resolve(process.argv[++i]);
  else if (a === '--dist') args.dist = path.resolve(process.argv[++i]);
  else if (a === '--out') args.out = path.resolve(process.argv[++i]);
  else if (a === '--parts') args.parts = process.argv[++i].split(',');
  else throw new Error(`size.js: unknown argument ${a}`);
}

// `size` bytes of the corpus articles, paragraph-separated, as a Buffer.
function corpusBytes(size) {
  const { files } = locateCorpus();
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i = (i + 1) % files.length) {
    const b = fs.readFileSync(files[i]);
    parts.push(b, Buffer.from('\n\n'));
    bytes += b.length + 2;
  }
  return Buffer.concat(parts).subarray(0, size);
}

function junk(n, seed) {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    out[i] = seed >>> 24;
  }
  return out;
}

const HOSTILE = {
  'one long line': (n) => Buffer.from('The minister said 12 schools in Leeds would close by 2025, and '.repeat(Math.ceil(n / 63))).subarray(0, n),
  digits: (n) => Buffer.alloc(n, '7'),
  'double quotes': (n) => Buffer.alloc(n, '"'),
  'capitalised words': (n) => Buffer.from('Alpha Bravo Charlie Delta Echo '.repeat(Math.ceil(n / 31))).subarray(0, n),
  '1,1,1,': (n) => Buffer.from('1,'.repeat(n / 2)),
  'money and ranges': (n) => Buffer.from('$1.5bn 10-15% '.repeat(Math.ceil(n / 14))).subarray(0, n),
  'junk bytes': (n) => junk(n, 7),
  'Latin-1 bytes': (n) => Buffer.alloc(n, 0xe9),
  'NUL bytes': (n) => Buffer.alloc(n, 0),
  'short lines': (n) => Buffer.from('Word.\n'.repeat(Math.ceil(n / 6))).subarray(0, n),
};

async function main() {
  const result = { date: new Date().toISOString(), machine: { node: process.version, cpus: os.cpus().length } };
  const { createInspector } = require(path.join(args.dist, 'index.cjs'));
  const inspector = await createInspector({ maxTextLength: 1 << 30 });

  if (args.parts.includes('wasm50')) {
    console.log('50 MB through wasm (npm package, inspect() on a string)');
    const text = new TextDecoder().decode(corpusBytes(50e6));
    const start = performance.now();
    const report = inspector.inspect(text);
    const seconds = (performance.now() - start) / 1e3;
    result.wasm_50mb = { bytes: Buffer.byteLength(text), seconds, mb_per_s: 50 / seconds,
      entities: report.entities.length, figures: report.figures.length, rss_mb: Math.round(process.memoryUsage().rss / 1e6) };
    console.log(`  ${seconds.toFixed(2)} s, ${result.wasm_50mb.mb_per_s.toFixed(1)} MB/s, ${report.entities.length} entities, ` +
      `${report.figures.length} figures, process RSS ${result.wasm_50mb.rss_mb} MB`);
  }

  const cli = path.join(args.nativeDir, 'article-inspector');
  if (!args.parts.includes('cli200')) {
    // skipped
  } else if (fs.existsSync(cli)) {
    console.log('200 MB through the native CLI');
    const file = path.join(root, 'build', 'bench', 'size-200MB.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.statSync(file).size !== 200e6) fs.writeFileSync(file, corpusBytes(200e6));
    const timed = spawnSync('/usr/bin/time', ['-f', '%e %M', cli, file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const last = timed.stderr.trim().split('\n').pop().split(' ');
    const seconds = Number(last[0]);
    result.native_cli_200mb = { bytes: 200e6, status: timed.status, seconds, mb_per_s: 200 / seconds, max_rss_mb: Math.round(Number(last[1]) / 1024) };
    console.log(`  exit ${timed.status}, ${seconds.toFixed(1)} s, ${(200 / seconds).toFixed(1)} MB/s, max RSS ${result.native_cli_200mb.max_rss_mb} MB`);
    if (timed.status !== 0) console.log(timed.stderr.slice(-2000));
  } else {
    console.log(`  ${cli} not found: skipped`);
  }

  result.hostile = {};
  if (args.parts.includes('hostile')) console.log('hostile inputs through wasm: seconds per MB at 256 KB, 1 MB, 4 MB');
  for (const [name, make] of Object.entries(args.parts.includes('hostile') ? HOSTILE : {})) {
    const row = [];
    for (const size of [256e3, 1e6, 4e6]) {
      const bytes = new Uint8Array(make(size));
      const start = performance.now();
      const report = inspector.inspect(bytes);
      const seconds = (performance.now() - start) / 1e3;
      row.push({ bytes: bytes.length, seconds, seconds_per_mb: seconds / (bytes.length / 1e6), warnings: report.warnings.map((w) => w.code) });
    }
    const perMb = row.map((r) => r.seconds_per_mb);
    const growth = perMb[2] / perMb[0];
    result.hostile[name] = { rows: row, growth };
    console.log(`  ${name.padEnd(18)} ${perMb.map((x) => x.toFixed(4).padStart(8)).join(' ')}   4 MB vs 256 KB: ${growth.toFixed(2)}x`);
  }
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), args.out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
