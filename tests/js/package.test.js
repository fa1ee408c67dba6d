// The built npm package (dist/), through require and import: the API, the
// offset contract, limits and errors, memory, the convenience layer.
// Run: npm run build && node --test tests/js/package.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = path.resolve(__dirname, '../../dist');
if (!fs.existsSync(path.join(dist, 'index.cjs'))) {
  throw new Error(`${dist}/index.cjs not found: run "npm run build" first`);
}
const pkg = require(path.join(dist, 'index.cjs'));
const { createInspector, highlight } = pkg;

const ARTICLE = [
  'Port workers in Rotterdam walked out on Monday, the union FNV said.',
  '',
  'About 1,200 dockers joined the strike, which cost operators an estimated €4.5m a day, according to the Port of Rotterdam Authority. Wages rose 3.2% last year while inflation reached 9.8%.',
  '',
  '“We will not go back until the offer is fair,” said Maria de Vries, a union spokeswoman. Prime Minister Mark Rutte urged both sides to talk.',
].join('\n');

// Every {start, end, text} object anywhere in a report.
function spansOf(report) {
  const spans = [];
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      if (typeof value.start === 'number' && typeof value.end === 'number' && typeof value.text === 'string') spans.push(value);
      Object.values(value).forEach(visit);
    }
  };
  visit(report);
  return spans;
}

function assertOffsetsIndex(text, report) {
  const spans = spansOf(report);
  for (const span of spans) {
    assert.ok(span.start <= span.end && span.end <= text.length, `span ${JSON.stringify(span)} is out of range`);
    assert.equal(text.slice(span.start, span.end), span.text, `span at ${span.start}-${span.end}`);
  }
  return spans;
}

test('require and import give the same API and the same engine', async () => {
  const esm = await import(pathToFileURL(path.join(dist, 'index.mjs')).href);
  assert.equal(typeof esm.createInspector, 'function');
  assert.equal(typeof esm.highlight, 'function');
  assert.equal(esm.default.createInspector, createInspector);
  const [fromRequire, fromImport] = await Promise.all([createInspector(), esm.createInspector()]);
  assert.equal(fromRequire, fromImport, 'createInspector() is memoised per process');
  assert.match(fromRequire.version, /^\d+\.\d+\.\d+$/);
  assert.equal(fromRequire.version, require('../../package.json').version);
});

test('a report has every part of the contract and serialises plainly', async () => {
  const inspector = await createInspector();
  const report = inspector.inspect(ARTICLE);
  for (const key of ['entities', 'figures', 'quotes', 'sources', 'boilerplate', 'checks', 'warnings']) {
    assert.ok(Array.isArray(report[key]), `report.${key} is an array`);
  }
  assert.equal(typeof report.layout, 'object');
  assert.ok(report.stats.words > 40);
  assert.ok(report.figures.length > 0, 'the article states figures');
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(report))).sort(), Object.keys(report).sort(),
    'helpers are not enumerable');
  assert.deepEqual(JSON.parse(JSON.stringify(report)), JSON.parse(inspector.inspectJson(ARTICLE)));
  for (const key of ['entities', 'figures', 'quotes', 'sources', 'boilerplate', 'checks']) {
    const starts = key === 'entities' ? report[key].map((e) => e.mentions[0].start) : report[key].map((x) => x.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), `${key} sorted by start`);
  }
});

test('offsets index the JavaScript string on a Unicode torture text', async () => {
  const inspector = await createInspector();
  const torture = [
    '👩‍👩‍👧 Families in Zürich paid €1,200 more — 15% up — said Ms Müller. 🇰🇿 Almaty: 😀 12 people.',
    'Combining: Cafe\u0301 Ame\u0301lie cost $3.5m; 東京 had 1,000 visitors and 北京 reported 25%.',
    '“Curly quotes,” she said, ‘single’ too. Zero\u200Bwidth and\u00A0no-break spaces, 42 km away.',
    'Lone surrogates: \uD800 high, \uDFFF low, reversed \uDC00\uD800, then 7 more people and $9bn.',
    'Astral maths 𝟘𝟙𝟚 and 𝒜 in 2021, up 3.5 per cent; e\u0301\u0301\u0301 stacked marks; 100 tonnes.',
  ].join('\n\n');
  const report = inspector.inspect(torture);
  const spans = assertOffsetsIndex(torture, report);
  assert.ok(spans.length >= 5, `found ${spans.length} spans`);
  assert.ok(report.warnings.some((w) => w.code === 'unpaired-surrogate'), 'unpaired surrogates are warned about');

  // The other offset units, on the well-formed part.
  const wellFormed = torture.split('Lone surrogates')[0];
  const codePoints = Array.from(wellFormed);
  for (const span of spansOf(inspector.inspect(wellFormed, { offsets: 'codepoint' }))) {
    assert.equal(codePoints.slice(span.start, span.end).join(''), span.text);
  }
  const bytes = Buffer.from(wellFormed, 'utf8');
  for (const span of spansOf(inspector.inspect(wellFormed, { offsets: 'byte' }))) {
    assert.equal(bytes.subarray(span.start, span.end).toString('utf8'), span.text);
  }
});

test('UTF-8 bytes are repaired as TextDecoder does and offsets index the decoded string', async () => {
  const inspector = await createInspector();
  const bytes = Buffer.concat([Buffer.from('Paris paid \xe2\x82 and ', 'latin1'), Buffer.from('€5m to 12 firms, up 3%.')]);
  const decoded = new TextDecoder().decode(bytes);
  const report = inspector.inspect(new Uint8Array(bytes));
  assert.ok(report.warnings.some((w) => w.code === 'invalid-utf8'));
  assert.ok(assertOffsetsIndex(decoded, report).length > 0);
});

test('empty and blank input give an empty report', async () => {
  const inspector = await createInspector();
  for (const text of ['', ' ', '\n\n\t']) {
    const report = inspector.inspect(text);
    assert.deepEqual([report.entities, report.figures, report.quotes, report.warnings], [[], [], [], []]);
    assert.equal(report.stats.words, 0);
  }
  assert.equal(inspector.inspect(new Uint8Array(0)).stats.words, 0);
});

test('a 5 MB article is inspected whole', async () => {
  const inspector = await createInspector();
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const paragraph = `Paragraph ${i}: officials in Geneva said ${i + 3} people were hurt and damage reached $${(i % 90) + 1}m, ` +
      `a rise of ${(i % 40) + 1}% on the year — “un désastre”, 东京 reported. 🚢`;
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  const text = paragraphs.join('\n\n');
  const report = inspector.inspect(text);
  assert.ok(report.stats.paragraphs >= paragraphs.length * 0.99, `${report.stats.paragraphs} paragraphs`);
  const spans = assertOffsetsIndex(text, report);
  assert.ok(spans.length > paragraphs.length, `${spans.length} spans`);
  const last = spans.reduce((max, s) => Math.max(max, s.end), 0);
  assert.ok(last > text.length - 1000, 'spans reach the end of the text');
});

test('errors are Errors with clear messages', async () => {
  const inspector = await createInspector();
  const cases = [
    [() => inspector.inspect(42), TypeError, /expects a string or a Uint8Array, got a number/],
    [() => inspector.inspect(null), TypeError, /got null/],
    [() => inspector.inspect({ text: 'x' }), TypeError, /got an object/],
    [() => inspector.inspect('x', 'utf16'), Error, /options must be an object/],
    [() => inspector.inspect('x', { offsets: 'bytes' }), Error, /offsets/],
    [() => inspector.inspect('x', { kinds: ['people'] }), Error, /unknown kind "people"/],
    [() => inspector.inspect('x', { colour: 'red' }), Error, /unknown option "colour"/],
    [() => inspector.inspect('x', { referenceDate: '2022-02-30' }), Error, /referenceDate/],
    [() => inspector.inspect('x', { referenceDate: new Date('nonsense') }), Error, /invalid Date/],
    [() => inspector.inspect('x', { phoneNumbers: 'yes' }), Error, /phoneNumbers/],
  ];
  for (const [call, type, message] of cases) {
    assert.throws(call, (error) => error instanceof type && message.test(error.message) && error.message.startsWith('article-inspector: '));
  }
  await assert.rejects(createInspector({ colour: 'red' }), /unknown option "colour"/);
  await assert.rejects(createInspector({ offsets: 'miles' }), /offsets/);
  await assert.rejects(createInspector('fast'), /options must be an object/);
});

test('text over the size limit is refused with an Error naming the limit', async () => {
  const small = await createInspector({ maxTextLength: 100 });
  assert.equal(small.maxTextLength, 100);
  assert.doesNotThrow(() => small.inspect('a'.repeat(100)));
  assert.throws(() => small.inspect('a'.repeat(101)), /101 characters long, over the limit of 100/);
  assert.throws(() => small.inspect(new Uint8Array(101)), /101 bytes long, over the limit of 100/);
  assert.equal((await createInspector()).maxTextLength, 128 * 1024 * 1024);
});

test('options: kinds, reference dates as strings or Dates, defaults from createInspector', async () => {
  const inspector = await createInspector();
  const onlyFigures = inspector.inspect(ARTICLE, { kinds: ['figures'] });
  assert.ok(onlyFigures.figures.length > 0);
  assert.deepEqual([onlyFigures.entities, onlyFigures.quotes], [[], []]);
  const text = 'The talks were held last Monday and will resume on Friday, officials said.';
  const asString = inspector.inspect(text, { referenceDate: '2022-01-07' });
  const asDate = inspector.inspect(text, { referenceDate: new Date(2022, 0, 7, 23, 59) });
  assert.deepEqual(JSON.parse(JSON.stringify(asDate)), JSON.parse(JSON.stringify(asString)));
  const withDefaults = await createInspector({ referenceDate: '2022-01-07', kinds: ['figures'] });
  assert.notEqual(withDefaults, inspector);
  assert.deepEqual(JSON.parse(JSON.stringify(withDefaults.inspect(text))),
    JSON.parse(JSON.stringify(inspector.inspect(text, { referenceDate: '2022-01-07', kinds: ['figures'] }))));
});

// AI_HEAP_CALLS lowers the count for a quick local run; npm test uses 10,000.
const HEAP_CALLS = Number(process.env.AI_HEAP_CALLS || 10000);
test(`${HEAP_CALLS} calls leave the wasm heap where it was`, async () => {
  const inspector = await createInspector();
  const engine = inspector[Symbol.for('article-inspector.engine')];
  const texts = [ARTICLE, 'Short: 5% of 20 people in Oslo.', '', 'Bad \uD800 surrogate, $4m.'];
  for (let i = 0; i < 50; i++) inspector.inspect(texts[i % texts.length]);  // warm up lazily built tables
  const memoryBefore = engine.module.HEAPU8.length;
  const inUseBefore = engine.module._ai_heap_bytes_in_use() >>> 0;
  for (let i = 0; i < HEAP_CALLS; i++) inspector.inspect(texts[i % texts.length]);
  assert.throws(() => inspector.inspect('x', { offsets: 'nope' }));  // error paths free too
  assert.throws(() => inspector.inspect('x', { kinds: 'all' }));
  assert.equal(engine.module._ai_heap_bytes_in_use() >>> 0, inUseBefore, 'bytes allocated on the heap');
  assert.equal(engine.module.HEAPU8.length, memoryBefore, 'wasm memory size');
});

test('convenience helpers select entities and figures', async () => {
  const inspector = await createInspector();
  const report = inspector.inspect(ARTICLE);
  assert.deepEqual(report.people(), report.entities.filter((e) => e.type === 'person'));
  assert.deepEqual(report.places(), report.entities.filter((e) => e.type === 'location'));
  assert.deepEqual(report.organizations(), report.entities.filter((e) => e.type === 'organization'));
  assert.deepEqual(report.misc(), report.entities.filter((e) => e.type === 'misc'));
  const money = report.findFigures({ kind: 'money' });
  assert.deepEqual(money, report.figures.filter((f) => f.kind === 'money'));
  assert.ok(money.length > 0, 'the article states money');
  assert.ok(money.every((f) => f.kind === 'money'));
  assert.deepEqual(report.findFigures(), report.figures);
  assert.deepEqual(report.failedChecks(), report.checks.filter((c) => !c.ok));
  assert.throws(() => report.findFigures('money'), /filter must be an object/);
  // The helpers are not the report's own data: keys, for...in and JSON see only the contract.
  const contract = JSON.parse(inspector.inspectJson(ARTICLE));
  assert.deepEqual(Object.keys(report), Object.keys(contract));
  const enumerated = [];
  for (const key in report) enumerated.push(key);
  assert.deepEqual(enumerated, Object.keys(contract));
  assert.equal(JSON.stringify(report), JSON.stringify(contract));
});

test('highlight marks entities and figures and escapes the rest', async () => {
  const inspector = await createInspector();
  const text = 'Tom & Jerry <script>alert(1)</script> paid "$5m" to 12 firms in Paris, up 3%.';
  const report = inspector.inspect(text);
  const html = highlight(text, report);
  assert.ok(!html.includes('<script>'), 'markup in the text is escaped');
  assert.ok(html.includes('&lt;script&gt;') && html.includes('&amp;') && html.includes('&quot;'));
  const marks = [...html.matchAll(/<mark data-kind="([a-z-]+)"(?: data-entity="[^"]*")?>/g)];
  assert.ok(marks.length > 0, 'something is marked');
  // Stripping the marks and unescaping gives the text back.
  const plain = html.replace(/<\/?mark[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  assert.equal(plain, text);
  assert.throws(() => highlight('different text entirely, 99%', report), /does not index this text/);
  assert.throws(() => highlight(text, {}), TypeError);
  // A hand-made report: overlapping spans keep the first, longest one.
  const made = { entities: [{ id: 'e1', type: 'person', mentions: [{ start: 0, end: 3, text: 'Tom' }] }],
                 figures: [{ start: 0, end: 11, text: 'Tom & Jerry', kind: 'count' }] };
  assert.equal(highlight('Tom & Jerry!', made), '<mark data-kind="count">Tom &amp; Jerry</mark>!');
});
