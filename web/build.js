#!/usr/bin/env node
// Builds the inspector page into one self-contained file, web/dist/index.html,
// that works opened from disk and over http and loads nothing from anywhere:
//   - style.css inlined in a <style>;
//   - the page scripts (web/src/*.js, in PAGE_SCRIPTS order) inlined in one
//     <script>, wrapped in a function so they share a scope but leak nothing;
//   - the engine (dist/article-inspector.js, from scripts/package-dist.js)
//     and worker.js inlined as JSON data, from which the page starts its
//     worker through a Blob URL;
//   - a Content-Security-Policy that names the inline script and style by
//     their SHA-256 hashes and forbids every network fetch.
//
// Usage: node web/build.js [ENGINE_FILE]
// (default: $AI_ENGINE or dist/article-inspector.js). Run by scripts/build.sh
// after the package is assembled.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const root = path.resolve(__dirname, '..');
const src = path.join(__dirname, 'src');
const outDir = path.join(__dirname, 'dist');
const engineFile = path.resolve(root, process.argv[2] || process.env.AI_ENGINE || 'dist/article-inspector.js');

// Dependencies first: each file may use what the files before it define.
const PAGE_SCRIPTS = ['dom.js', 'kinds.js', 'example.js', 'text-import.js', 'export.js', 'render.js', 'engine-client.js', 'app.js'];

function read(file) {
  return fs.readFileSync(file, 'utf8');
}

function sha256(text) {
  return "'sha256-" + crypto.createHash('sha256').update(text, 'utf8').digest('base64') + "'";
}

// Fills {{NAME}} in `template`; a function replacement so `$` in values stays literal.
function fill(template, values) {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name) => {
    if (!(name in values)) throw new Error('web/build.js: no value for ' + whole);
    return values[name];
  });
}

// Text placed inside <script> or <style> must not contain the sequences that
// end or confuse those elements; the sources are ours, so this is a check.
function assertInlineSafe(name, text) {
  if (/<\/(script|style)/i.test(text) || /<!--/.test(text)) {
    throw new Error(`web/build.js: ${name} contains "</script", "</style" or "<!--", which cannot be inlined as is`);
  }
}

function main() {
  if (!fs.existsSync(engineFile)) {
    console.error(`web/build.js: ${path.relative(root, engineFile)} not found; build the package first (node scripts/package-dist.js)`);
    process.exit(1);
  }
  const engine = read(engineFile);
  // A truncated or half-written engine would only fail later, in the browser.
  try {
    new vm.Script(engine, { filename: engineFile });
  } catch (error) {
    console.error(`web/build.js: ${path.relative(root, engineFile)} does not parse (${error.message}); rebuild the package`);
    process.exit(1);
  }
  const worker = read(path.join(src, 'worker.js'));
  const style = read(path.join(src, 'style.css'));
  const pageScript = "(function () {\n'use strict';\n" +
    PAGE_SCRIPTS.map((name) => `// ---- ${name} ----\n${read(path.join(src, name))}`).join('\n') + '\n})();\n';
  assertInlineSafe('style.css', style);
  assertInlineSafe('the page scripts', pageScript);
  // JSON with every "<" escaped can sit in a <script type="application/json"> whatever it holds.
  const engineJson = JSON.stringify({ engine, worker }).replace(/</g, '\\u003c');

  const csp = [
    "default-src 'none'",
    // The page script by hash; the engine's hash lets the page run it itself
    // if a browser refuses the worker; wasm needs 'wasm-unsafe-eval' to compile.
    `script-src ${sha256(pageScript)} ${sha256(engine)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    'worker-src blob:',
    // Emscripten fetches its inlined wasm from a data: URL; data: is never
    // a network connection, and nothing else may be fetched.
    'connect-src data:',
    'img-src data: blob:',
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const html = fill(read(path.join(src, 'index.html')), {
    CSP: csp,
    STYLE: style,
    ENGINE_JSON: engineJson,
    SCRIPT: pageScript,
  });
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'index.html');
  fs.writeFileSync(outFile, html);
  const kb = (n) => (n / 1024).toFixed(0) + ' KB';
  console.log(`web/build.js: wrote ${path.relative(root, outFile)} (${kb(Buffer.byteLength(html))}; engine ${kb(Buffer.byteLength(engine))} from ${path.relative(root, engineFile)})`);
}

main();
