// The wasm module as scripts/snapshot-wasm.js leaves it: its constructors
// (which build the built-in inspector) and one inspect ran at build time, the
// memory they left is the module's data, and the model's bytes, read only while loading, are
// not in it a second time. Node starts the module from files that hold the
// same (scripts/package-dist.js): the wasm without its data, and the memory.
// Run: npm run build && node --test tests/js/snapshot.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const singleFileModule = path.join(dist, 'article-inspector-wasm.cjs');
if (!fs.existsSync(singleFileModule)) {
  throw new Error(`${singleFileModule} not found: run "npm run build" first`);
}
const snapshotScript = path.join(root, 'scripts/snapshot-wasm.js');
const modelFile = path.join(root, 'models/ner.model');

// The wasm inlined in the single-file module.
function inlinedWasm() {
  const source = fs.readFileSync(singleFileModule, 'utf8');
  return Buffer.from(source.match(/wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/)[1], 'base64');
}

function loadFreshModule() {
  delete require.cache[require.resolve(singleFileModule)];
  return require(singleFileModule)({});
}

test('the module starts with the built-in inspector made', async () => {
  const module = await loadFreshModule();
  const inUse = module._ai_heap_bytes_in_use() >>> 0;
  assert.ok(inUse > 1000000, `the snapshot's heap holds the model's tables (${inUse} bytes in use)`);
  const first = module._ai_create(0) >>> 0;
  assert.notEqual(first, 0);
  assert.equal(module._ai_create(0) >>> 0, first, 'every ai_create hands out the one built-in inspector');
  module._ai_destroy(first);
  assert.equal(module._ai_create(0) >>> 0, first, 'ai_destroy leaves the shared inspector in place');
  assert.equal(module._ai_heap_bytes_in_use() >>> 0, inUse, 'starting allocates nothing');
});

test("a fresh module's first inspect builds nothing big: the snapshot holds what the engine builds on first use", async () => {
  const module = await loadFreshModule();
  const handle = module._ai_create(0) >>> 0;
  const text = Buffer.from('Mayor Anne Hidalgo of Paris said on Monday that 1,200 people, about 3.5%, met. "It is fair," she said.');
  const textPointer = module._malloc(text.length) >>> 0;
  module.HEAPU8.set(text, textPointer);
  const inUse = module._ai_heap_bytes_in_use() >>> 0;
  const result = module._ai_inspect_tape(handle, textPointer, text.length, 0, 0, 1) >>> 0;
  assert.equal(module.HEAPU32[result >>> 2], 0);
  module._free(result);
  module._free(textPointer);
  // Scratch may still grow for a text unlike the warm-up's; the tagger's
  // score cache alone, were it built now, would be 384 KB.
  const kept = (module._ai_heap_bytes_in_use() >>> 0) - (inUse - text.length);
  assert.ok(kept < 65536, `the first inspect kept ${kept} bytes`);
});

test('the model file is left out of the module: the snapshot holds the tables made from it', { skip: !fs.existsSync(modelFile) && 'no model' }, () => {
  const wasm = inlinedWasm();
  const model = fs.readFileSync(modelFile);
  // The tagger keeps the weight rows as the file stores them, so a stretch of
  // them appears once, in the snapshot's tables; a second time would be the
  // file itself. The header alone could recur by chance, its first 64 bytes
  // with the magic number not.
  const stretch = model.subarray(model.length >> 1, (model.length >> 1) + 4096);
  const first = wasm.indexOf(stretch);
  assert.equal(wasm.indexOf(stretch, first + 1), -1);
  assert.equal(wasm.indexOf(model.subarray(0, 64)), -1);
});

test("Node's files start the engine with the single-file module's memory", async () => {
  const engineKey = Symbol.for('article-inspector.engine');
  const fromFiles = await require(path.join(dist, 'index.cjs')).createInspector();
  const fromSingleFile = await require(path.join(dist, 'inspector-api.cjs'))(require(singleFileModule)).createInspector();
  const memoryOf = (inspector) => inspector[engineKey].module.HEAPU8;
  assert.equal(Buffer.compare(memoryOf(fromFiles), memoryOf(fromSingleFile)), 0);
  const text = 'PARIS (AP) - About 1,200 people met Mayor Anne Hidalgo on 5 May, she said.';
  assert.deepEqual(fromFiles.inspectJson(text), fromSingleFile.inspectJson(text));
});

test("Node's wasm file is the module without its data", () => {
  const { readDataSegments, withDataSegments } = require(path.join(root, 'scripts/wasm-binary.js'));
  const wasm = inlinedWasm();
  assert.ok(readDataSegments(wasm).length > 0);
  assert.deepEqual(fs.readFileSync(path.join(dist, 'article-inspector.wasm')), withDataSegments(wasm, []));
});

// Runs createInspector and one inspect from a copy of dist/ that `change`
// altered, in a fresh process; returns what it printed.
function startFromAlteredCopy(change) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-dist-'));
  try {
    fs.cpSync(dist, copy, { recursive: true });
    change(copy);
    const script = `require(${JSON.stringify(path.join(copy, 'index.cjs'))}).createInspector()
      .then((inspector) => console.log(inspector.inspect('Mayor Anne Hidalgo spoke.').entities.length), (error) => console.log(String(error)));`;
    return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim();
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

test('without the memory file Node starts from the single-file module', () => {
  assert.equal(startFromAlteredCopy((copy) => fs.rmSync(path.join(copy, 'article-inspector.mem'))), '1');
});

test('a truncated memory file fails createInspector with an Error', () => {
  const output = startFromAlteredCopy((copy) => {
    const file = path.join(copy, 'article-inspector.mem');
    fs.truncateSync(file, fs.statSync(file).size - 1);
  });
  assert.match(output, /^Error: article-inspector: article-inspector\.mem is shorter than its table says/);
});

test('snapshot-wasm.js refuses a module it has already rewritten', () => {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-snapshot-')), 'module.cjs');
  try {
    fs.copyFileSync(singleFileModule, copy);
    const result = spawnSync(process.execPath, [snapshotScript, copy, '5242880'], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /expected one constructor call/);
    assert.deepEqual(fs.readFileSync(copy), fs.readFileSync(singleFileModule), 'the file is left as it was');
  } finally {
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
});
