'use strict';
// The package's CommonJS entry. index.mjs re-exports this file, so `require`
// and `import` in one process share one engine. API: see inspector-api.cjs
// and index.d.ts.
//
// In Node the engine starts from article-inspector.wasm next to this file
// and the module without the wasm inlined (article-inspector-node.cjs):
// reading the file is faster than parsing and decoding 1.6 MB of base64.
// Bundles and browsers, which have no such file at hand, use the single-file
// module; so does Node when the file is missing (in a bundle, say). Nothing
// is read before the first createInspector().
function readWasmFile() {
  if (typeof process !== 'object' || !process.versions || !process.versions.node) return null;
  try {
    return require('fs').readFileSync(require('path').join(__dirname, 'article-inspector.wasm'));
  } catch {
    return null;
  }
}

function createModule(options) {
  const wasmBinary = readWasmFile();
  if (wasmBinary === null) return require('./article-inspector-wasm.cjs')(options);
  return require('./article-inspector-node.cjs')(Object.assign({}, options, { wasmBinary }));
}

module.exports = require('./inspector-api.cjs')(createModule);
