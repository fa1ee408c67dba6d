// The package's ES module entry: re-exports the CommonJS entry so that code
// mixing `import` and `require` still starts the wasm engine only once.
import api from './index.cjs';

export const createInspector = api.createInspector;
export const highlight = api.highlight;
export default api;
