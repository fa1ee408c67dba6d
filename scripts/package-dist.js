#!/usr/bin/env node
// Assembles the npm package's dist/ from the wasm build and the wrapper
// sources in wasm/:
//   dist/article-inspector-wasm.cjs  the Emscripten module (single file, wasm inlined)
//   dist/article-inspector.wasm      the same wasm as a file, without its data,
//   dist/article-inspector.mem       which is here: the memory the module starts with, and
//   dist/article-inspector-node.cjs  the module without the wasm: index.cjs starts
//                                    Node from these three (they start faster)
//   dist/inspector-api.cjs           the JS API over it
//   dist/index.cjs, dist/index.mjs   require / import entries
//   dist/index.d.ts, dist/index.d.mts  types
//   dist/article-inspector.js        classic script for pages and workers: global ArticleInspector
//
// Usage: node scripts/package-dist.js [WASM_BUILD_DIR] [OUT_DIR]
// (defaults: $AI_WASM_BUILD_DIR or build/wasm, and dist).
'use strict';
const fs = require('fs');
const path = require('path');
const { initialMemoryPages, readDataSegments, withDataSegments } = require('./wasm-binary');

const root = path.resolve(__dirname, '..');
const wasmBuildDir = path.resolve(root, process.argv[2] || process.env.AI_WASM_BUILD_DIR || 'build/wasm');
const outDir = path.resolve(root, process.argv[3] || 'dist');
const moduleFile = path.join(wasmBuildDir, 'article-inspector-wasm.cjs');

if (!fs.existsSync(moduleFile)) {
  console.error(`package-dist: ${moduleFile} not found; build the wasm target first (scripts/build.sh)`);
  process.exit(1);
}
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
fs.mkdirSync(outDir, { recursive: true });

const copied = ['inspector-api.cjs', 'index.cjs', 'index.mjs', 'index.d.ts'];
for (const name of copied) fs.copyFileSync(path.join(root, 'wasm', name), path.join(outDir, name));
// The ES module types are the CommonJS ones plus the default export index.mjs has.
const types = fs.readFileSync(path.join(root, 'wasm', 'index.d.ts'), 'utf8');
fs.writeFileSync(path.join(outDir, 'index.d.mts'), types +
  '\ndeclare const articleInspector: { createInspector: typeof createInspector; highlight: typeof highlight };\n' +
  'export default articleInspector;\n');
const moduleSource = fs.readFileSync(moduleFile, 'utf8');
fs.writeFileSync(path.join(outDir, 'article-inspector-wasm.cjs'), moduleSource);

// Node parses the module's JavaScript faster without 1.6 MB of base64 in it,
// and reads the wasm faster as a file than it decodes it. The module keeps an
// empty data URI where the wasm was, so that it never looks for (or fetches)
// a file itself: index.cjs instantiates the wasm for it.
//
// The wasm's data, 2 MB of the built-in inspector's tables, is left out of
// that file and goes to its own, which index.cjs reads straight into the
// module's memory (the module imports it, so the reading overlaps the
// compiling). Inside the wasm, the bytes of every data segment would
// be read into a buffer, copied by the engine into its own copy of the
// module and then copied into the memory: each copy into pages the process
// has yet to touch, which costs more than the copying (a cold start took
// 25 ms longer).
//
// article-inspector.mem: the memory's initial size in 64 KiB pages and the
// count of ranges (uint32s), then per range a uint32 address and a uint32
// length, then the ranges' bytes in that order (all little-endian).
// Segments less than a page apart share a range, zeros between them included:
// those zeros would mostly land on pages the neighbours touch anyway.
const inlinedWasm = /wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
const inlined = [...moduleSource.matchAll(inlinedWasm)];
if (inlined.length !== 1) {
  console.error(`package-dist: expected one inlined wasm in ${moduleFile}, found ${inlined.length}`);
  process.exit(1);
}
const wasm = Buffer.from(inlined[0][1], 'base64');
const MEMORY_RANGE_GAP_BYTES = 4096;
const ranges = [];
for (const { address, bytes } of readDataSegments(wasm)) {
  const last = ranges[ranges.length - 1];
  if (last && address >= last.end && address - last.end < MEMORY_RANGE_GAP_BYTES) {
    last.parts.push(Buffer.alloc(address - last.end), bytes);
  } else {
    if (last && address < last.end) throw new Error('package-dist: the data segments overlap or are out of order');
    ranges.push({ address, end: address, parts: [bytes] });
  }
  ranges[ranges.length - 1].end = address + bytes.length;
}
const rangeTable = Buffer.alloc(8 + 8 * ranges.length);
rangeTable.writeUInt32LE(initialMemoryPages(wasm), 0);
rangeTable.writeUInt32LE(ranges.length, 4);
ranges.forEach((range, i) => {
  rangeTable.writeUInt32LE(range.address, 8 + 8 * i);
  rangeTable.writeUInt32LE(range.end - range.address, 12 + 8 * i);
});
fs.writeFileSync(path.join(outDir, 'article-inspector.mem'), Buffer.concat([rangeTable, ...ranges.flatMap((r) => r.parts)]));
fs.writeFileSync(path.join(outDir, 'article-inspector.wasm'), withDataSegments(wasm, []));
fs.writeFileSync(path.join(outDir, 'article-inspector-node.cjs'),
                 moduleSource.replace(inlinedWasm, 'wasmBinaryFile="data:application/octet-stream;base64,"'));

// The browser bundle: both CommonJS files, each in a function that supplies
// `module` and `exports`, so the result is a classic script (loadable from
// file://, by importScripts, or in a Blob worker) defining one global.
const apiSource = fs.readFileSync(path.join(root, 'wasm', 'inspector-api.cjs'), 'utf8');
const bundle = `/*! article-inspector ${version} — browser build. Defines the global ArticleInspector
 *  ({ createInspector, highlight }); works in windows and workers (importScripts). MIT licence. */
(function (global) {
  function load(body) {
    var module = { exports: {} };
    body(module, module.exports);
    return module.exports;
  }
  var createModule = load(function (module, exports) {
${moduleSource}
  });
  var makeApi = load(function (module, exports) {
${apiSource}
  });
  global.ArticleInspector = makeApi(createModule);
})(typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : this);
`;
fs.writeFileSync(path.join(outDir, 'article-inspector.js'), bundle);
console.log(`package-dist: wrote ${path.relative(root, outDir) || '.'}/ (${copied.length + 6} files) from ${path.relative(root, wasmBuildDir)}`);
