'use strict';
// The package's CommonJS entry. index.mjs re-exports this file, so `require`
// and `import` in one process share one engine. API: see inspector-api.cjs
// and index.d.ts.
//
// In Node the engine starts from three files next to this one: the module's
// JavaScript without the wasm inlined (article-inspector-node.cjs), the wasm
// without its data (article-inspector.wasm), and the memory that data makes
// (article-inspector.mem, read straight into the module's memory;
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

const SHORT_MEMORY_FILE = 'article-inspector: article-inspector.mem is shorter than its table says';
// The most any wasm32 memory can grow to, 4 GiB, which the module declares too.
const MAXIMUM_PAGES = 65536;

function readFully(fs, fd, target, position) {
  for (let done = 0; done < target.length;) {
    const read = fs.readSync(fd, target, done, target.length - done, position + done);
    if (read === 0) throw new Error(SHORT_MEMORY_FILE);
    done += read;
  }
}

// The memory file's header (scripts/package-dist.js describes the layout):
// the memory's initial size in pages, and where each range goes and lies.
function readMemoryTable(fs, fd) {
  const header = Buffer.alloc(8);
  readFully(fs, fd, header, 0);
  const table = Buffer.alloc(8 * header.readUInt32LE(4));
  readFully(fs, fd, table, header.length);
  const ranges = [];
  let position = header.length + table.length;
  for (let at = 0; at < table.length; at += 8) {
    const length = table.readUInt32LE(at + 4);
    ranges.push({ address: table.readUInt32LE(at), length, position });
    position += length;
  }
  return { pages: header.readUInt32LE(0), ranges };
}

function readAsync(fs, fd, heap, address, length, position) {
  return new Promise((resolve, reject) => {
    const readFrom = (done) => {
      if (done === length) return resolve();
      fs.read(fd, heap, address + done, length - done, position + done, (error, read) => {
        if (error) reject(error);
        else if (read === 0) reject(new Error(SHORT_MEMORY_FILE));
        else readFrom(done + read);
      });
    };
    readFrom(0);
  });
}

// A fresh memory for the module, and a promise that it is filled from the
// memory file. The header is read at once, the ranges on libuv's threads.
function loadMemory(fs, memoryFile) {
  const fd = fs.openSync(memoryFile, 'r');
  try {
    const { pages, ranges } = readMemoryTable(fs, fd);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: MAXIMUM_PAGES });
    const heap = new Uint8Array(memory.buffer);
    const reads = ranges.map((range) => readAsync(fs, fd, heap, range.address, range.length, range.position));
    // The file is closed only once no read is left in flight.
    const filled = Promise.allSettled(reads).then((outcomes) => {
      fs.closeSync(fd);
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    });
    return { memory, filled };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

function createModule(options) {
  const files = nodeFiles();
  if (files === null) return require('./article-inspector-wasm.cjs')(options);
  // Three things at once: V8 compiles the wasm on its background threads,
  // libuv's threads read the memory file into the memory, and this thread
  // loads the module's JavaScript. One after another, they made
  // createInspector 3 ms slower (medians of 41 cold starts: 25 ms, not 22).
  const compiling = WebAssembly.compile(files.wasm);
  let memory;
  try {
    memory = loadMemory(files.fs, files.memoryFile);
  } catch (error) {
    compiling.catch(() => {});
    return Promise.reject(error);
  }
  const ready = Promise.all([compiling, memory.filled]);
  ready.catch(() => {});  // a failure is reported by instantiateWasm, not as an unhandled rejection
  return new Promise((resolve, reject) => {
    // Emscripten's hook for instantiating the wasm ourselves, with the memory
    // we made (the module imports it), filled before any of its code runs.
    function instantiateWasm(imports, receiveInstance) {
      ready.then(([module]) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
        .catch(reject);
      return {};
    }
    const moduleOptions = Object.assign({}, options, { wasmMemory: memory.memory, instantiateWasm });
    require('./article-inspector-node.cjs')(moduleOptions).then(resolve, reject);
  });
}

module.exports = require('./inspector-api.cjs')(createModule);
