#!/usr/bin/env node
// Runs the wasm module's global constructors at build time and stores the
// memory they leave behind as the module's data, so that a start no longer
// runs them. The bindings build the built-in inspector in a global
// constructor (wasm/bindings.cc): loading the model, decoding the gazetteer
// and building the word tables then happen here, once, instead of in every
// process, in code that V8 would first have to compile. One inspect follows
// (see warmUp), so that what the engine builds on first use is stored too.
//
// Emscripten's own -sEVAL_CTORS does the same with Binaryen's wasm-ctor-eval,
// but the Binaryen here (108) aborts on the first SIMD load or store, and the
// constructors vectorise. This script runs them in Node's own engine instead,
// through the module's own JavaScript, so every instruction is supported.
//
// Usage: node scripts/snapshot-wasm.js MODULE.cjs STACK_BYTES [SPENT_DATA...]
//   MODULE.cjs   the single-file Emscripten module (-sSINGLE_FILE=1), rewritten in place
//   STACK_BYTES  the module's stack size (-sTOTAL_STACK): what the
//                constructors left on the stack is dead, and is zeroed rather than stored
//   SPENT_DATA   files whose bytes the module holds as constant data that only
//                the constructors read (the entity model, which the tagger copies
//                into its own tables): they are zeroed too, which keeps a second
//                copy of them out of the module. Each must occur exactly once.
//
// The constructors and the warm-up must not grow the memory or depend on the
// environment (they build tables from the module's own data); the script
// fails if the memory grew, and checks that the rewritten module starts with
// exactly the memory they left.
'use strict';
const fs = require('fs');
const path = require('path');
const { SECTION_GLOBAL, SECTION_START, readUnsigned, readSigned32, sections, initialMemoryPages, startFunctionBody,
        withoutSection, activeSegment, withDataSegments } = require('./wasm-binary');

const PAGE_BYTES = 65536;
// Zero runs shorter than this stay inside a data segment: a segment's header
// costs about as much.
const MIN_GAP_BYTES = 64;

const inlinedWasm = /wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
// The Emscripten runtime queues the constructors with this call (the export's
// name is minified); without it they never run.
const ctorCall = /addOnInit\(Module\["asm"\]\["[A-Za-z0-9_$]+"\]\);/g;

function fail(message) {
  console.error('snapshot-wasm: ' + message);
  process.exit(1);
}

// The initial value of global 0, which Emscripten's linker makes the stack
// pointer: the top of the stack, which grows down.
function stackTop(wasm, globalSection) {
  if (!globalSection) fail('the module has no globals');
  let at = readUnsigned(wasm, globalSection.body).next;  // the count
  const type = wasm[at];
  const mutable = wasm[at + 1];
  if (type !== 0x7f || mutable !== 1 || wasm[at + 2] !== 0x41) fail('global 0 is not a mutable i32 stack pointer');
  at += 3;
  return readSigned32(wasm, at).value >>> 0;
}

// One active data segment per run of non-zero bytes in `memory`.
function dataSegments(memory) {
  const segments = [];
  let end = memory.length;
  while (end > 0 && memory[end - 1] === 0) end--;
  let at = 0;
  while (at < end) {
    while (memory[at] === 0) at++;
    let runEnd = at;
    let zeros = 0;
    while (runEnd + zeros < end && zeros < MIN_GAP_BYTES) {
      if (memory[runEnd + zeros] === 0) {
        zeros++;
      } else {
        runEnd += zeros + 1;
        zeros = 0;
      }
    }
    segments.push(activeSegment(at, memory.subarray(at, runEnd)));
    at = runEnd;
  }
  return segments;
}

// A module that imports its memory (CMakeLists.txt says why) zeroes its
// uninitialised data in a start function, because an imported memory need
// not be fresh. After the snapshot that would wipe what the constructors left
// there, and every start gets a fresh memory anyway (Node's fills it from
// the snapshot before instantiating): the start function goes, once checked
// to do nothing but that one fill.
function withoutDataZeroing(wasm, memoryBytes) {
  const body = startFunctionBody(wasm);
  if (body === null) return wasm;
  let at = 0;
  const expect = (byte) => {
    if (body[at++] !== byte) fail('the start function does more than zero a range of memory');
  };
  const constant = () => {
    expect(0x41);  // i32.const
    const value = readSigned32(body, at);
    at = value.next;
    return value.value >>> 0;
  };
  expect(0x00);  // no locals
  const address = constant();
  if (constant() !== 0) fail('the start function fills memory with something other than zeros');
  const length = constant();
  [0xfc, 0x0b, 0x00, 0x0b].forEach(expect);  // memory.fill of memory 0, end
  if (at !== body.length || address + length > memoryBytes) fail('the start function does more than zero a range of memory');
  return withoutSection(wasm, SECTION_START);
}

// --- running the constructors --------------------------------------------------
function loadModule(source, file) {
  // A fresh copy of the module each time: require() would cache it.
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', source)(
    module, module.exports, require, file, path.dirname(file));
  return module.exports({});
}

// The engine builds some tables of its own on first use (word lists, the
// entity tagger's score cache and scratch): one inspect here, through both
// kinds of report, puts them in the snapshot too, so that a start neither
// builds them nor compiles the code that does. A short text that every stage
// finds something in; its leftovers in the scratch cost only their bytes.
const WARM_UP_TEXT = [
  'PARIS (AP) — Port workers walked out on Monday, the union FNV said.',
  'About 1,200 dockers joined the strike, which cost operators an estimated €4.5m a day, ' +
    'according to the Port of Rotterdam Authority. Wages rose 3.2% last year while inflation reached 9.8%.',
  '“We will not go back until the offer is fair,” said Maria de Vries, a union spokeswoman. ' +
    'Prime Minister Mark Rutte urged both sides to talk on 5 May 2023.',
].join('\n\n');

function warmUp(module) {
  const handle = module._ai_create(0) >>> 0;
  if (handle === 0) fail('the built-in inspector could not be made');
  const bytes = Buffer.from(WARM_UP_TEXT);
  const text = module._malloc(bytes.length) >>> 0;
  module.HEAPU8.set(bytes, text);
  const results = [module._ai_inspect(handle, text, bytes.length, 0, 0),
                   module._ai_inspect_tape(handle, text, bytes.length, 0, 0, 1)];
  for (const result of results.map((pointer) => pointer >>> 0)) {
    if (result === 0 || module.HEAPU32[result >>> 2] !== 0) fail('the warm-up inspect failed');
    module._free(result);
  }
  module._free(text);
}

async function main() {
  const [file, stackArgument, ...spentFiles] = process.argv.slice(2);
  const stackBytes = Number(stackArgument);
  if (!file || !Number.isSafeInteger(stackBytes) || stackBytes <= 0) fail('usage: snapshot-wasm.js MODULE.cjs STACK_BYTES [SPENT_DATA...]');
  const source = fs.readFileSync(file, 'utf8');
  const inlined = source.match(inlinedWasm);
  if (!inlined) fail(file + ' has no inlined wasm (build it with -sSINGLE_FILE=1)');
  const calls = source.match(ctorCall) || [];
  if (calls.length !== 1) fail(`expected one constructor call in ${file}, found ${calls.length} (snapshot taken twice?)`);

  const wasm = Buffer.from(inlined[1], 'base64');
  const initialModule = await loadModule(source, file);
  warmUp(initialModule);
  const memory = Buffer.from(initialModule.HEAPU8);  // a copy: the view's memory stays live
  const list = sections(wasm);
  const pages = initialMemoryPages(wasm);
  if (pages === null) fail('the module has no memory');
  const memoryBytes = pages * PAGE_BYTES;
  if (memory.length !== memoryBytes) {
    fail(`the constructors and the warm-up grew the memory from ${memoryBytes} to ${memory.length} bytes; raise -sINITIAL_MEMORY`);
  }
  const top = stackTop(wasm, list.find((s) => s.id === SECTION_GLOBAL));
  if (top > memory.length || top < stackBytes) fail(`stack top ${top} does not fit a ${stackBytes}-byte stack`);
  memory.fill(0, top - stackBytes, top);
  for (const spentFile of spentFiles) {
    const spent = fs.readFileSync(spentFile);
    const at = memory.indexOf(spent);
    if (at < 0 || memory.indexOf(spent, at + 1) >= 0) fail(`${spentFile} does not occur exactly once in the memory`);
    memory.fill(0, at, at + spent.length);
  }

  const segments = dataSegments(memory);
  const snapshot = withoutDataZeroing(withDataSegments(wasm, segments), memoryBytes);

  const rewritten = source.replace(ctorCall, '')
    .replace(inlinedWasm, () => `wasmBinaryFile="data:application/octet-stream;base64,${snapshot.toString('base64')}"`);
  const check = await loadModule(rewritten, file);
  if (Buffer.compare(Buffer.from(check.HEAPU8), memory) !== 0) fail('the rewritten module does not start with the snapshot memory');
  fs.writeFileSync(file, rewritten);
  console.log(`snapshot-wasm: ${path.basename(file)}: ${segments.length} data segments, ` +
              `wasm ${wasm.length} -> ${snapshot.length} bytes`);
}

main().catch((error) => fail(error.stack || String(error)));
