// inspect() builds the report from the engine's binary tape; it must give
// exactly what parsing the engine's JSON gives: same keys in the same order,
// same values (-0 included), same span texts, on ordinary and hostile texts.
// Run: npm run build && node --test tests/js/report-tape.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const dist = path.resolve(__dirname, '../../dist');
if (!fs.existsSync(path.join(dist, 'index.cjs'))) {
  throw new Error(`${dist}/index.cjs not found: run "npm run build" first`);
}
const { createInspector } = require(path.join(dist, 'index.cjs'));

const LONE_SURROGATE = /\p{Cs}/u;

// What inspect() returned when it parsed the JSON: the parsed report, with
// span texts re-taken from `text` when it has unpaired surrogates.
function reportFromJson(inspector, text, options) {
  const report = JSON.parse(inspector.inspectJson(text, options));
  const offsets = (options && options.offsets) || 'utf16';
  if (typeof text === 'string' && offsets === 'utf16' && LONE_SURROGATE.test(text)) {
    const visit = (value) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') {
        if (typeof value.start === 'number' && typeof value.end === 'number' && typeof value.text === 'string') {
          value.text = text.slice(value.start, value.end);
        }
        Object.values(value).forEach(visit);
      }
    };
    visit(report);
    report.warnings.push({
      code: 'unpaired-surrogate',
      message: 'the text contains unpaired UTF-16 surrogates; they were read as U+FFFD',
    });
  }
  return report;
}

function assertSameReport(inspector, text, options, label) {
  const expected = reportFromJson(inspector, text, options);
  const actual = inspector.inspect(text, options);
  // stringify checks key order; deepStrictEqual checks -0 and value types.
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), label);
  assert.deepStrictEqual(Object.assign({}, actual), expected, label);
  assert.equal(typeof actual.people, 'function', label + ': helpers attached');
  return actual;
}

const ARTICLE = [
  'LONDON (Reuters) - Prime Minister Boris Johnson said on Tuesday that 1,500 troops, about 40% of the force, would leave by 2023.',
  '',
  '"We are not done," he told reporters. Officials said the cost was £4.5bn (about $6.1bn), up from £3bn in 2019.',
  '',
  '“It is hot,” said Ana García, 45, of the Spanish Met Office, as temperatures reached 40C (104F) in Madrid 😀.',
].join('\n');

const HOSTILE = [
  '',
  ' ',
  'x',
  ARTICLE,
  ARTICLE.replace(/\n/g, '\r\n'),
  ARTICLE.replace(/\n/g, '\r'),
  'NUL \u0000 bytes\u0000 in 5% of\u0000 20 people in Oslo.\u0000',
  'Controls \u0001\u0007\u001b[0m\u007f\u0085 and 3 million people in \u2028Paris\u2029, said Reuters.',
  'Lone surrogates: \uD800 high, \uDFFF low, reversed \uDC00\uD800, then 7 more people and $9bn.',
  '\uD83D',
  '\uDE00 starts, ends \uD83D',
  'Emoji pairs 😀😀 around "quoted 😀 words," said John Smith, with 5 km 👍🏽 of road.',
  '\uFEFFBOM then Angela Merkel met Emmanuel Macron in Berlin on 5 January 2022.',
  'Combining e\u0301 and Zalgo Z\u0335\u0321a\u0336l\u0337g\u0338o cost €4.5m, said the BBC.',
  '"' + 'a'.repeat(5000) + '," said Mark Rutte.',
  '5'.repeat(40) + ' people and 1e309 km and 0.1 of 0.2 and -0 degrees, 10-20% up.',
];

test('inspect() equals the parsed JSON report on ordinary and hostile texts', async () => {
  const inspector = await createInspector();
  for (const text of HOSTILE) {
    const label = JSON.stringify(text.slice(0, 60));
    for (const offsets of ['utf16', 'codepoint', 'byte']) {
      assertSameReport(inspector, text, { offsets }, label + ' ' + offsets);
    }
    assertSameReport(inspector, text, undefined, label);
    assertSameReport(inspector, text, { kinds: ['figures'], referenceDate: '2022-01-07' }, label + ' figures');
  }
});

test('inspect() equals the parsed JSON report for UTF-8 bytes, ill-formed ones included', async () => {
  const inspector = await createInspector();
  const encoder = new TextEncoder();
  const inputs = [
    encoder.encode(ARTICLE),
    new Uint8Array([0x43, 0x61, 0x66, 0xE9, 0x20, 0x35, 0x25, 0x20, 0xE2, 0x82, 0x20, 0xF0, 0x9F, 0x98, 0x20, 0x00, 0xFF]),
    new Uint8Array([0xED, 0xA0, 0x80, 0x20, 0x33, 0x20, 0x6B, 0x6D, 0xC0, 0xAF]),
    Uint8Array.of(...encoder.encode('Reuters said 5% of '), 0x80, 0x80, ...encoder.encode(' people in Oslo fell.')),
  ];
  for (const bytes of inputs) {
    for (const offsets of ['utf16', 'codepoint', 'byte']) {
      assertSameReport(inspector, bytes, { offsets }, `${bytes.length} bytes, ${offsets}`);
    }
  }
});

test('span texts are slices of the text, also with unpaired surrogates', async () => {
  const inspector = await createInspector();
  const text = 'Mr \uD800John Smith said 5\uDFFF km of road, "we are \uDC00 here," in London.';
  const report = assertSameReport(inspector, text, undefined, 'lone surrogates');
  let spans = 0;
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      if (typeof value.start === 'number' && typeof value.end === 'number' && typeof value.text === 'string') {
        assert.equal(value.text, text.slice(value.start, value.end));
        spans++;
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(report);
  assert.ok(spans > 0, 'the text has spans');
});

test('inspect() still reports errors from the engine', async () => {
  const inspector = await createInspector();
  assert.throws(() => inspector.inspect('x', { offsets: 'words' }), /offsets/);
});

test('inspect() equals the parsed JSON report on the BBC corpus', async (t) => {
  const corpus = path.resolve(__dirname, '../../../shared/corpora/bbc');
  if (!fs.existsSync(corpus)) {
    t.skip(`${corpus} not found`);
    return;
  }
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(corpus);
  assert.ok(files.length > 0);
  const inspector = await createInspector();
  files.forEach((file, i) => {
    const text = fs.readFileSync(file, 'utf8');
    assertSameReport(inspector, text, undefined, file);
    if (i % 10 === 0) assertSameReport(inspector, text, { offsets: 'codepoint' }, file + ' codepoint');
  });
});
