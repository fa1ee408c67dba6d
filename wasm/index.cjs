'use strict';
// The package's CommonJS entry. index.mjs re-exports this file, so `require`
// and `import` in one process share one engine. API: see inspector-api.cjs
// and index.d.ts.
module.exports = require('./inspector-api.cjs')(require('./article-inspector-wasm.cjs'));
