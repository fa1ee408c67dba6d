'use strict';
// The package's CommonJS entry. index.mjs re-exports this file, so `require`
// and `import` in one process share one engine. API: see inspector-api.cjs
// and index.d.ts.
//
// In Node the engine starts from three files next to this one: the module's
// JavaScript without the wasm inlined (article-inspector-node.cjs), the wasm
// without its data (article-inspector.wasm), and the memory that data makes
// (article-inspector.mem, read straight into the instance's memory;
// scripts/package-dist.js says why and how it is laid out). Reading files is
// faster than parsing and decoding 1.6 MB of base64. Bundles and browsers,
// which have no such files at hand, use the single-file module; so does Node
// when a file is missing (in a bundle, say). Nothing is read before the first
// createInspector().

// The fs module, the wasm and the memory file's path, or null where they
// are not to be had.
function nodeFiles() {
  if (typeof process !== 'object' || !process.versions || !process.versions.node) return null;
  try {
    const fs = require('fs');
    const path = require('path');
    const memoryFile = path.join(__dirname, 'article-inspector.mem');
    if (!fs.statSync(memoryFile).isFile()) return null;
    return { fs, memoryFile, wasm: fs.readFileSync(path.join(__dirname, 'article-inspector.wasm')) };
  } catch {
    return null;
  }
}

function readFully(fs, fd, target, position) {
  for (let done = 0; done < target.length;) {
    const read = fs.readSync(fd, target, done, target.length - done, position + done);
    if (read === 0) throw new Error('article-inspector: article-inspector.mem is shorter than its table says');
    done += read;
  }
}

// Writes the memory file's ranges into `memory`, which must be fresh.
function loadMemory(fs, memoryFile, memory) {
  const fd = fs.openSync(memoryFile, 'r');
  try {
    const count = Buffer.alloc(4);
    readFully(fs, fd, count, 0);
    const table = Buffer.alloc(8 * count.readUInt32LE(0));
    readFully(fs, fd, table, 4);
    const heap = new Uint8Array(memory.buffer);
    let position = 4 + table.length;
    for (let at = 0; at < table.length; at += 8) {
      const address = table.readUInt32LE(at);
      const length = table.readUInt32LE(at + 4);
      readFully(fs, fd, heap.subarray(address, address + length), position);
      position += length;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function createModule(options) {
  const files = nodeFiles();
  if (files === null) return require('./article-inspector-wasm.cjs')(options);
  return new Promise((resolve, reject) => {
    // Emscripten's hook for instantiating the wasm ourselves: the instance's
    // memory is filled before the module runs any of its code.
    function instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(files.wasm, imports).then(({ instance, module }) => {
        const memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
        loadMemory(files.fs, files.memoryFile, memory);
        receiveInstance(instance, module);
      }).catch(reject);
      return {};
    }
    require('./article-inspector-node.cjs')(Object.assign({}, options, { instantiateWasm })).then(resolve, reject);
  });
}

module.exports = require('./inspector-api.cjs')(createModule);
