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

// The entries of the vector that the section with this id holds, in order;
// none if the module has no such section. readEntry(at, i) reads entry i,
// which starts at `at`, and returns { value, next }: the entry, and where the
// next one starts.
function readSectionVector(wasm, id, readEntry) {
  const found = sections(wasm).find((s) => s.id === id);
  if (!found) return [];
  const count = readUnsigned(wasm, found.body);
  const entries = [];
  for (let i = 0, at = count.next; i < count.value; i++) {
    const entry = readEntry(at, i);
    entries.push(entry.value);
    at = entry.next;
  }
  return entries;
}

// The module's imports in order: their kind (0 function, 1 table, 2 memory,
// 3 global) and, for a memory, its initial size in 64 KiB pages.
function readImports(wasm) {
  return readSectionVector(wasm, SECTION_IMPORT, (start, i) => {
    let at = nameEnd(wasm, nameEnd(wasm, start));  // module and field
    const kind = wasm[at++];
    if (kind === 0) return { value: { kind }, next: readUnsigned(wasm, at).next };  // its type
    if (kind === 1) return { value: { kind }, next: limitsEnd(wasm, at + 1) };  // element type, limits
    if (kind === 2) return { value: { kind, pages: readUnsigned(wasm, at + 1).value }, next: limitsEnd(wasm, at) };
    if (kind === 3) return { value: { kind }, next: at + 2 };  // value type, mutability
    throw new Error(`import ${i} has unknown kind ${kind}`);
  });
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
  const start = sections(wasm).find((s) => s.id === SECTION_START);
  if (!start) return null;
  const index = readUnsigned(wasm, start.body).value - readImports(wasm).filter((i) => i.kind === 0).length;
  const bodies = readSectionVector(wasm, SECTION_CODE, (at) => {
    const size = readUnsigned(wasm, at);
    return { value: wasm.subarray(size.next, size.next + size.value), next: size.next + size.value };
  });
  if (index < 0 || index >= bodies.length) throw new Error('the start function is not defined in the module');
  return bodies[index];
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
  return readSectionVector(wasm, SECTION_DATA, (at, i) => {
    if (wasm[at] !== 0 || wasm[at + 1] !== 0x41) throw new Error(`data segment ${i} is not active at an i32.const address`);
    const address = readSigned32(wasm, at + 2);
    if (wasm[address.next] !== 0x0b) throw new Error(`data segment ${i}'s address is not a lone constant`);
    const size = readUnsigned(wasm, address.next + 1);
    return { value: { address: address.value >>> 0, bytes: wasm.subarray(size.next, size.next + size.value) }, next: size.next + size.value };
  });
}

module.exports = {
  SECTION_IMPORT, SECTION_MEMORY, SECTION_GLOBAL, SECTION_START, SECTION_CODE, SECTION_DATA, SECTION_DATA_COUNT,
  readUnsigned, readSigned32, unsigned, signed32, sections, section, initialMemoryPages, startFunctionBody, withoutSection,
  activeSegment, withDataSegments, readDataSegments,
};
