'use strict';
// Reading and writing the parts of the wasm binary format that the build
// scripts rewrite (scripts/snapshot-wasm.js, scripts/package-dist.js):
// LEB128 numbers and the module's sections.

const SECTION_IMPORT = 2;
const SECTION_MEMORY = 5;
const SECTION_GLOBAL = 6;
const SECTION_START = 8;
const SECTION_CODE = 10;
const SECTION_DATA = 11;
const SECTION_DATA_COUNT = 12;

function readUnsigned(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return { value, next: at };
  }
}

function readSigned32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte >= 0x80);
  if (shift < 32 && (byte & 0x40)) value |= -1 << shift;
  return { value, next: at };
}

function unsigned(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

function signed32(value) {
  const out = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && !(byte & 0x40)) || (value === -1 && (byte & 0x40))) {
      out.push(byte);
      return Buffer.from(out);
    }
    out.push(byte | 0x80);
  }
}

// The module's sections in order: id, and where the section starts, where its body starts, and where it ends.
function sections(wasm) {
  const list = [];
  let at = 8;  // magic and version
  while (at < wasm.length) {
    const id = wasm[at];
    const size = readUnsigned(wasm, at + 1);
    list.push({ id, start: at, body: size.next, end: size.next + size.value });
    at = size.next + size.value;
  }
  return list;
}

function section(id, body) {
  return Buffer.concat([Buffer.from([id]), unsigned(body.length), body]);
}

// Where a name (a length, then its UTF-8 bytes) that starts at `at` ends.
function nameEnd(wasm, at) {
  const length = readUnsigned(wasm, at);
  return length.next + length.value;
}

// Where a table's or a memory's limits end: a flags byte, the minimum, and the maximum if flagged.
function limitsEnd(wasm, at) {
  const flags = wasm[at];
  const minimum = readUnsigned(wasm, at + 1);
  return flags & 1 ? readUnsigned(wasm, minimum.next).next : minimum.next;
}

// The module's imports in order: their kind (0 function, 1 table, 2 memory,
// 3 global) and, for a memory, its initial size in 64 KiB pages.
function readImports(wasm) {
  const imports = sections(wasm).find((s) => s.id === SECTION_IMPORT);
  if (!imports) return [];
  const count = readUnsigned(wasm, imports.body);
  const list = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    at = nameEnd(wasm, nameEnd(wasm, at));  // module and field
    const kind = wasm[at++];
    if (kind === 0) {
      at = readUnsigned(wasm, at).next;  // its type
      list.push({ kind });
    } else if (kind === 1) {
      at = limitsEnd(wasm, at + 1);  // element type, limits
      list.push({ kind });
    } else if (kind === 2) {
      list.push({ kind, pages: readUnsigned(wasm, at + 1).value });  // limits: flags, minimum, maximum
      at = limitsEnd(wasm, at);
    } else if (kind === 3) {
      at += 2;  // value type, mutability
      list.push({ kind });
    } else {
      throw new Error(`import ${i} has unknown kind ${kind}`);
    }
  }
  return list;
}

// The initial size, in 64 KiB pages, of memory 0, which the module either
// imports or defines; null if it has neither.
function initialMemoryPages(wasm) {
  const imported = readImports(wasm).find((i) => i.kind === 2);
  if (imported) return imported.pages;
  const memories = sections(wasm).find((s) => s.id === SECTION_MEMORY);
  if (!memories) return null;
  const at = readUnsigned(wasm, memories.body).next;  // the count
  return readUnsigned(wasm, at + 1).value;  // after the limits' flags
}

// The body (locals and code) of the module's start function; null if it has none.
function startFunctionBody(wasm) {
  const list = sections(wasm);
  const start = list.find((s) => s.id === SECTION_START);
  if (!start) return null;
  const index = readUnsigned(wasm, start.body).value - readImports(wasm).filter((i) => i.kind === 0).length;
  const code = list.find((s) => s.id === SECTION_CODE);
  const count = code ? readUnsigned(wasm, code.body) : { value: 0 };
  if (index < 0 || index >= count.value) throw new Error('the start function is not defined in the module');
  let at = count.next;
  for (let i = 0; i < index; i++) {
    const size = readUnsigned(wasm, at);
    at = size.next + size.value;
  }
  const size = readUnsigned(wasm, at);
  return wasm.subarray(size.next, size.next + size.value);
}

// The module without its sections with this id.
function withoutSection(wasm, id) {
  return Buffer.concat([wasm.subarray(0, 8), ...sections(wasm).filter((s) => s.id !== id).map((s) => wasm.subarray(s.start, s.end))]);
}

// An active data segment for memory 0 that stores `bytes` at `address`.
function activeSegment(address, bytes) {
  return Buffer.concat([Buffer.from([0, 0x41]), signed32(address | 0), Buffer.from([0x0b]), unsigned(bytes.length), bytes]);
}

// The module with its data section and data count replaced by ones holding `segments`.
function withDataSegments(wasm, segments) {
  const list = sections(wasm);
  if (!list.some((s) => s.id === SECTION_DATA)) throw new Error('the module has no data section to replace');
  return Buffer.concat([wasm.subarray(0, 8), ...list.map((s) => {
    if (s.id === SECTION_DATA) return section(SECTION_DATA, Buffer.concat([unsigned(segments.length), ...segments]));
    if (s.id === SECTION_DATA_COUNT) return section(SECTION_DATA_COUNT, unsigned(segments.length));
    return wasm.subarray(s.start, s.end);
  })]);
}

// The module's data segments as { address, bytes }: each must be active, for
// memory 0, at a constant address (as Emscripten and snapshot-wasm.js write them).
function readDataSegments(wasm) {
  const data = sections(wasm).find((s) => s.id === SECTION_DATA);
  if (!data) return [];
  const count = readUnsigned(wasm, data.body);
  const segments = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    if (wasm[at] !== 0 || wasm[at + 1] !== 0x41) throw new Error(`data segment ${i} is not active at an i32.const address`);
    const address = readSigned32(wasm, at + 2);
    if (wasm[address.next] !== 0x0b) throw new Error(`data segment ${i}'s address is not a lone constant`);
    const size = readUnsigned(wasm, address.next + 1);
    segments.push({ address: address.value >>> 0, bytes: wasm.subarray(size.next, size.next + size.value) });
    at = size.next + size.value;
  }
  return segments;
}

module.exports = {
  SECTION_IMPORT, SECTION_MEMORY, SECTION_GLOBAL, SECTION_START, SECTION_CODE, SECTION_DATA, SECTION_DATA_COUNT,
  readUnsigned, readSigned32, unsigned, signed32, sections, section, initialMemoryPages, startFunctionBody, withoutSection,
  activeSegment, withDataSegments, readDataSegments,
};
