'use strict';
// inspector-api.cjs — the JavaScript API over the wasm module, shared by the
// CommonJS entry (index.cjs), the ES module entry (index.mjs, which re-exports
// index.cjs so require and import share one engine) and the browser bundle
// (article-inspector.js, where scripts/package-dist.js wraps this file).
//
//   const { createInspector, highlight } = require('article-inspector');
//   const inspector = await createInspector();          // once per process
//   const report = inspector.inspect(text, { referenceDate: '2022-01-07' });
//   report.people();                                    // person entities
//   report.findFigures({ kind: 'money' });              // money figures
//   element.innerHTML = highlight(text, report);        // <mark data-kind=...>
//
// Text crosses into wasm as UTF-8 bytes written by TextEncoder.encodeInto into
// memory from _malloc, and the report comes back in one result buffer (see
// wasm/bindings.cc): as JSON for inspectJson, as a binary tape that
// readReportTape turns into objects for inspect. Nothing stays allocated
// between calls. Every view of
// the heap is taken afresh after each allocation, because memory growth
// detaches the old ones.

const ENGINE_KEY = Symbol.for('article-inspector.engine');
const DEFAULT_MAX_TEXT_LENGTH = 128 * 1024 * 1024;
const INSPECT_OPTION_KEYS = ['kinds', 'referenceDate', 'offsets', 'phoneNumbers'];
// In a /u regex a surrogate pair is one code point, so this matches only
// unpaired surrogates (String.prototype.isWellFormed needs Node 20).
const LONE_SURROGATE = /\p{Cs}/u;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fail(message) {
  return new Error('article-inspector: ' + message);
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : 'a ' + typeof value;
}

// "YYYY-MM-DD" of a Date's local calendar day (the day the caller means by "today").
function isoDay(date) {
  if (Number.isNaN(date.getTime())) throw fail('options.referenceDate is an invalid Date');
  const pad = (n, width) => String(n).padStart(width, '0');
  return pad(date.getFullYear(), 4) + '-' + pad(date.getMonth() + 1, 2) + '-' + pad(date.getDate(), 2);
}

// Validates what JS can name better than the core, then serialises the rest;
// the core rejects unknown keys and bad values with a message naming them.
function optionsJson(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw fail('options must be an object, got ' + typeName(options));
  }
  const plain = Object.assign({}, options);
  if (plain.referenceDate instanceof Date) plain.referenceDate = isoDay(plain.referenceDate);
  return JSON.stringify(plain);
}

function mergeOptions(defaults, options) {
  if (options === undefined || options === null) return defaults;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw fail('options must be an object, got ' + typeName(options));
  }
  return defaults ? Object.assign({}, defaults, options) : options;
}

function readCString(heap, pointer) {
  // indexOf, not a loop over the bytes: this runs on the first inspect, before the loop would be compiled.
  const end = heap.indexOf(0, pointer);
  return decoder.decode(heap.subarray(pointer, end < 0 ? heap.length : end));
}

// Reads and frees a result buffer: [u32 status][u32 length][payload]. An
// error's payload is always text; a success's is read by
// `readPayload(heap, start, length)`, by default as UTF-8 text.
function takeResult(module, pointer, readPayload) {
  try {
    const words = module.HEAPU32;
    const status = words[pointer >>> 2];
    const length = words[(pointer >>> 2) + 1];
    const start = pointer + 8;
    const payload = status === 0 && readPayload
      ? readPayload(module.HEAPU8, start, length)
      : decoder.decode(module.HEAPU8.subarray(start, start + length));
    return { ok: status === 0, payload };
  } finally {
    module._free(pointer);
  }
}

function createEngine(createModule) {
  return createModule({}).then((module) => {
    const errorSlot = module._malloc(4) >>> 0;
    if (errorSlot === 0) throw fail('out of memory while starting the engine');
    try {
      module.HEAPU32[errorSlot >>> 2] = 0;
      const handle = module._ai_create(errorSlot) >>> 0;
      if (handle === 0) {
        const errorPointer = module.HEAPU32[errorSlot >>> 2];
        const message = errorPointer ? takeResult(module, errorPointer).payload : 'unknown error';
        throw fail('could not start the engine: ' + message);
      }
      return { module, handle, version: readCString(module.HEAPU8, module._ai_version() >>> 0) };
    } finally {
      module._free(errorSlot);
    }
  });
}

// Copies `input` (a string or UTF-8 bytes) into the heap, runs the core and
// returns the result's payload: the report JSON, or with `readTape` what it
// makes of the report tape. Frees everything it allocated, on every path.
function runInspect(engine, input, options, readTape) {
  const module = engine.module;
  // Most calls have no options: then nothing is encoded or copied for them.
  const optionBytes = options === '' ? null : encoder.encode(options);
  const optionsLength = optionBytes === null ? 0 : optionBytes.length;
  let textPointer = 0;
  let optionsPointer = 0;
  try {
    let length;
    if (typeof input === 'string') {
      // UTF-8 needs at most 3 bytes per UTF-16 unit (a pair of units makes 4).
      const capacity = input.length * 3;
      textPointer = module._malloc(Math.max(capacity, 1)) >>> 0;
      if (textPointer === 0) throw fail('out of memory: the text is too large to inspect here');
      length = encoder.encodeInto(input, module.HEAPU8.subarray(textPointer, textPointer + capacity)).written;
    } else {
      length = input.length;
      textPointer = module._malloc(Math.max(length, 1)) >>> 0;
      if (textPointer === 0) throw fail('out of memory: the text is too large to inspect here');
      module.HEAPU8.set(input, textPointer);
    }
    if (optionBytes !== null) {
      optionsPointer = module._malloc(Math.max(optionsLength, 1)) >>> 0;
      if (optionsPointer === 0) throw fail('out of memory');
      module.HEAPU8.set(optionBytes, optionsPointer);
    }
    const resultPointer = (readTape
      ? module._ai_inspect_tape(engine.handle, textPointer, length, optionsPointer, optionsLength, typeof input === 'string' ? 1 : 0)
      : module._ai_inspect(engine.handle, textPointer, length, optionsPointer, optionsLength)) >>> 0;
    if (resultPointer === 0) throw fail('out of memory: the text is too large to inspect here');
    const result = takeResult(module, resultPointer, readTape);
    if (!result.ok) throw fail(result.payload);
    return result.payload;
  } finally {
    if (textPointer) module._free(textPointer);
    if (optionsPointer) module._free(optionsPointer);
  }
}

function inspectJson(engine, input, options) {
  return runInspect(engine, input, options, null);
}

// The tape's tags (core/tape_writer.h).
const TAPE_OBJECT_BEGIN = 1;
const TAPE_OBJECT_END = 2;
const TAPE_ARRAY_BEGIN = 3;
const TAPE_ARRAY_END = 4;
const TAPE_STRING = 5;
const TAPE_SPAN_TEXT = 6;
const TAPE_SPAN_TEXT_SLICE = 7;
const TAPE_UNSIGNED = 8;
const TAPE_DOUBLE = 9;
const TAPE_TRUE = 10;
const TAPE_FALSE = 11;
const TAPE_NULL = 12;
const TAPE_STRING_REF = 13;
const TAPE_SPAN = 14;
const TAPE_KEY_BASE = 16;
// Strings of 1 to this many bytes are interned: the tape sends each once (tape_writer.h).
const TAPE_MAX_INTERNED_BYTES = 31;
// Below this many bytes an ASCII string is built faster by hand than by TextDecoder.
const SHORT_STRING_BYTES = 32;

const tapeKeysByEngine = new WeakMap();

// The names the tape's key tags index, read from the engine once.
function tapeKeys(engine) {
  let keys = tapeKeysByEngine.get(engine);
  if (keys === undefined) {
    keys = JSON.parse(readCString(engine.module.HEAPU8, engine.module._ai_report_tape_keys() >>> 0));
    tapeKeysByEngine.set(engine, keys);
  }
  return keys;
}

// Builds the report from the tape at heap[start, start + length), exactly as
// JSON.parse would build it from the report JSON. `text` is the string the
// core inspected (or null for bytes): span texts marked as slices come from
// it, and with `sliceEverySpanText` all span texts do.
function readReportTape(heap, start, length, keys, text, sliceEverySpanText) {
  let pos = start;
  let view = null;  // made at the first double: most reports have none or few
  const interned = [];  // the strings TAPE_STRING_REF indexes

  function readVarint() {
    let byte = heap[pos++];
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 0x80;
    do {
      byte = heap[pos++];
      value += (byte & 0x7f) * scale;  // not <<: values reach 2^53
      scale *= 0x80;
    } while (byte >= 0x80);
    return value;
  }

  function readBytesAsString(size) {
    const from = pos;
    pos += size;
    if (size < SHORT_STRING_BYTES) {
      let ascii = '';
      for (let i = from; i < pos; i++) {
        const byte = heap[i];
        if (byte >= 0x80) return decoder.decode(heap.subarray(from, pos));
        ascii += String.fromCharCode(byte);
      }
      return ascii;
    }
    return decoder.decode(heap.subarray(from, pos));
  }

  // The text of a span with these offsets, whose tag (kSpanText or kSpanTextSlice) was just read.
  function readSpanText(tag, spanStart, spanEnd) {
    if (tag === TAPE_SPAN_TEXT_SLICE) return text.slice(spanStart, spanEnd);
    const size = readVarint();
    if (sliceEverySpanText) {
      pos += size;
      return text.slice(spanStart, spanEnd);
    }
    return readBytesAsString(size);
  }

  // Reads an object's fields, up to its end tag, into `object`.
  function readFields(object) {
    for (;;) {
      const keyTag = heap[pos++];
      if (keyTag === TAPE_OBJECT_END) return object;
      const key = keys[keyTag - TAPE_KEY_BASE];
      const valueTag = heap[pos++];
      if (valueTag === TAPE_SPAN_TEXT_SLICE || valueTag === TAPE_SPAN_TEXT) {
        object[key] = readSpanText(valueTag, object.start, object.end);
      } else {
        object[key] = readValue(valueTag);
      }
    }
  }

  function readValue(tag) {
    switch (tag) {
      case TAPE_SPAN: {
        const end = readVarint();
        const spanStart = readVarint();
        return { end, start: spanStart, text: readSpanText(heap[pos++], spanStart, end) };
      }
      case TAPE_STRING_REF:
        return interned[readVarint()];
      case TAPE_STRING: {
        const size = readVarint();
        const string = readBytesAsString(size);
        if (size !== 0 && size <= TAPE_MAX_INTERNED_BYTES) interned.push(string);
        return string;
      }
      case TAPE_OBJECT_BEGIN:
        return readFields({});
      case TAPE_ARRAY_BEGIN: {
        const array = [];
        for (;;) {
          const elementTag = heap[pos++];
          if (elementTag === TAPE_ARRAY_END) return array;
          array.push(readValue(elementTag));
        }
      }
      case TAPE_UNSIGNED:
        return readVarint();
      case TAPE_DOUBLE: {
        if (view === null) view = new DataView(heap.buffer, heap.byteOffset, heap.byteLength);
        const value = view.getFloat64(pos, true);
        pos += 8;
        return value;
      }
      case TAPE_TRUE: return true;
      case TAPE_FALSE: return false;
      case TAPE_NULL: return null;
      case TAPE_SPAN_TEXT:
        return readBytesAsString(readVarint());
      default:
        throw fail('internal error: unknown tag ' + tag + ' in the report tape');
    }
  }

  // The root is a Report (its methods on the prototype), filled like any object.
  if (heap[pos++] !== TAPE_OBJECT_BEGIN) throw fail('internal error: the report tape does not start with an object');
  const report = readFields(new Report());
  if (pos !== start + length) throw fail('internal error: the report tape has ' + (start + length - pos) + ' bytes left over');
  return report;
}

// The report as objects, as JSON.parse(inspectJson(...)) gives them, built
// from the tape without JSON text in between.
function inspectReport(engine, input, options, sliceEverySpanText) {
  const keys = tapeKeys(engine);
  const text = typeof input === 'string' ? input : null;
  return runInspect(engine, input, options,
    (heap, start, length) => readReportTape(heap, start, length, keys, text, sliceEverySpanText));
}

function defineHidden(object, name, value) {
  Object.defineProperty(object, name, { value, enumerable: false, configurable: true, writable: true });
}

function entitiesOfType(report, type) {
  return report.entities.filter((entity) => entity.type === type);
}

// The convenience layer of every report inspect() returns. The methods live
// on the prototype, not on the report: JSON.stringify(report) stays the
// contract, and a report costs no closures (six per report were 2% of
// inspect() over the BBC corpus).
class Report {
  people() { return entitiesOfType(this, 'person'); }
  places() { return entitiesOfType(this, 'location'); }
  organizations() { return entitiesOfType(this, 'organization'); }
  misc() { return entitiesOfType(this, 'misc'); }
  findFigures(filter) {
    if (filter === undefined) return this.figures.slice();
    if (filter === null || typeof filter !== 'object') throw fail('findFigures(filter): filter must be an object');
    return this.figures.filter((figure) =>
      (filter.kind === undefined || figure.kind === filter.kind) &&
      (filter.unit === undefined || figure.unit === filter.unit));
  }
  failedChecks() { return this.checks.filter((check) => !check.ok); }
}

class Inspector {
  constructor(engine, limits, defaults) {
    defineHidden(this, ENGINE_KEY, engine);
    defineHidden(this, 'maxTextLength', limits.maxTextLength);
    defineHidden(this, 'defaults', defaults);
    this.version = engine.version;
  }

  // Inspects `text` (a string, or UTF-8 bytes as a Uint8Array, which are
  // repaired as TextDecoder would) and returns the report. Synchronous.
  inspect(text, options) {
    const merged = this.checkedOptions(text, options);
    const offsets = (merged && merged.offsets) || 'utf16';
    // TextEncoder writes U+FFFD (one UTF-16 unit) for each unpaired
    // surrogate, so offsets still index `text`; span texts are then taken
    // from `text` itself rather than from the bytes the core saw.
    const unpaired = typeof text === 'string' && offsets === 'utf16' && LONE_SURROGATE.test(text);
    const report = inspectReport(this[ENGINE_KEY], text, optionsJson(merged), unpaired);
    if (unpaired) {
      report.warnings.push({
        code: 'unpaired-surrogate',
        message: 'the text contains unpaired UTF-16 surrogates; they were read as U+FFFD',
      });
    }
    return report;
  }

  // Like inspect, but returns the report as the compact JSON text the engine
  // wrote (no helpers; span texts hold U+FFFD where `text` has unpaired
  // surrogates). For passing reports on without a parse and re-stringify.
  inspectJson(text, options) {
    return inspectJson(this[ENGINE_KEY], text, optionsJson(this.checkedOptions(text, options)));
  }

  checkedOptions(text, options) {
    const isBytes = text instanceof Uint8Array;
    if (typeof text !== 'string' && !isBytes) {
      throw new TypeError('article-inspector: inspect(text) expects a string or a Uint8Array, got ' + typeName(text));
    }
    if (text.length > this.maxTextLength) {
      throw fail('the text is ' + text.length + (isBytes ? ' bytes' : ' characters') + ' long, over the limit of ' +
                 this.maxTextLength + ' (createInspector({ maxTextLength }) raises it)');
    }
    return mergeOptions(this.defaults, options);
  }
}

function checkCreateOptions(options) {
  if (options === undefined || options === null) return { limits: { maxTextLength: DEFAULT_MAX_TEXT_LENGTH }, defaults: undefined };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw fail('createInspector(options): options must be an object, got ' + typeName(options));
  }
  let maxTextLength = DEFAULT_MAX_TEXT_LENGTH;
  const defaults = {};
  let hasDefaults = false;
  for (const key of Object.keys(options)) {
    if (key === 'maxTextLength') {
      const value = options.maxTextLength;
      if (!Number.isSafeInteger(value) || value < 0) throw fail('maxTextLength must be a non-negative integer');
      maxTextLength = value;
    } else if (INSPECT_OPTION_KEYS.includes(key)) {
      defaults[key] = options[key];
      hasDefaults = true;
    } else {
      throw fail('createInspector(options): unknown option "' + key + '"');
    }
  }
  return { limits: { maxTextLength }, defaults: hasDefaults ? defaults : undefined };
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// The spans highlight() marks: entity mentions and figures, sorted by start,
// longest first on ties; a span overlapping an earlier one is dropped.
function highlightSpans(report) {
  const spans = [];
  for (const entity of report.entities || []) {
    for (const mention of entity.mentions) spans.push({ start: mention.start, end: mention.end, text: mention.text, kind: entity.type, entity: entity.id });
  }
  for (const figure of report.figures || []) spans.push({ start: figure.start, end: figure.end, text: figure.text, kind: figure.kind });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let covered = 0;
  for (const span of spans) {
    if (span.start < covered || span.end <= span.start) continue;
    kept.push(span);
    covered = span.end;
  }
  return kept;
}

// Returns `text` as HTML with each entity mention and figure in a
// <mark data-kind="..."> (entities also carry data-entity="<id>"); everything
// else is escaped. Throws when the report's spans do not index `text`.
function highlight(text, report) {
  if (typeof text !== 'string') throw new TypeError('article-inspector: highlight(text, report) expects text to be a string, got ' + typeName(text));
  if (report === null || typeof report !== 'object' || !Array.isArray(report.entities) || !Array.isArray(report.figures)) {
    throw new TypeError('article-inspector: highlight(text, report) expects a report from inspect()');
  }
  let html = '';
  let at = 0;
  for (const span of highlightSpans(report)) {
    if (span.end > text.length || text.slice(span.start, span.end) !== span.text) {
      throw fail('highlight: the report does not index this text (was it made from it, with offsets "utf16"?)');
    }
    html += escapeHtml(text.slice(at, span.start));
    const entity = span.entity !== undefined ? ' data-entity="' + escapeHtml(String(span.entity)) + '"' : '';
    html += '<mark data-kind="' + escapeHtml(span.kind) + '"' + entity + '>' + escapeHtml(span.text) + '</mark>';
    at = span.end;
  }
  return html + escapeHtml(text.slice(at));
}

// Builds the public API around `createModule`, the Emscripten module factory.
function makeApi(createModule) {
  let enginePromise = null;

  // Resolves to an Inspector. The wasm module starts once per process (or
  // page, or worker); later calls reuse it. Without options the same
  // Inspector object comes back every time.
  let sharedInspector = null;
  function createInspector(options) {
    let checked;
    try {
      checked = checkCreateOptions(options);
    } catch (error) {
      return Promise.reject(error);
    }
    if (enginePromise === null) {
      enginePromise = createEngine(createModule);
      // A failed start is not cached, so a later call can retry.
      enginePromise.catch(() => { enginePromise = null; });
    }
    return enginePromise.then((engine) => {
      if (options === undefined || options === null) {
        if (sharedInspector === null) sharedInspector = new Inspector(engine, checked.limits, undefined);
        return sharedInspector;
      }
      // A bad default fails here, not at the first inspect: the core checks it on an empty text.
      if (checked.defaults) inspectJson(engine, '', optionsJson(checked.defaults));
      return new Inspector(engine, checked.limits, checked.defaults);
    });
  }

  return { createInspector, highlight };
}

module.exports = makeApi;
