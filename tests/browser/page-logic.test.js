'use strict';
// The page's pure parts, in Node: Markdown to text, value wording, the CSV
// and Markdown exports, sentence finding, block splitting and span layout.
// (HTML to text needs a browser's DOMParser: security.test.js and
// page.test.js cover it there.)
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');

const src = path.join(__dirname, '..', '..', 'web', 'src');
const { markdownToText, fileKind } = require(path.join(src, 'text-import.js'));
const { formatAmount, sentenceAround, figuresCsv, markdownSummary } = require(path.join(src, 'export.js'));
const { splitBlocks, layoutItems } = require(path.join(src, 'render.js'));

test('markdownToText keeps what a reader sees', () => {
  const cases = [
    ['# Title\n\nBody', 'Title\n\nBody'],
    ['**Bold** and *italic* and _under_', 'Bold and italic and under'],
    ['See [the report](http://example.com/r) now', 'See the report now'],
    ['![a chart](chart.png)', 'a chart'],
    ['- one\n- two', 'one\ntwo'],
    ['> quoted words', 'quoted words'],
    ['Costs rose 5*3 times', 'Costs rose 5*3 times'],
    ['a\n\n\n\nb', 'a\n\nb'],
    ['`code` stays', 'code stays'],
  ];
  for (const [input, expected] of cases) assert.equal(markdownToText(input), expected, JSON.stringify(input));
});

test('fileKind picks the converter by name or type', () => {
  assert.equal(fileKind('a.HTML', ''), 'html');
  assert.equal(fileKind('a.htm', ''), 'html');
  assert.equal(fileKind('notes', 'text/html'), 'html');
  assert.equal(fileKind('a.md', ''), 'markdown');
  assert.equal(fileKind('a.txt', 'text/plain'), 'text');
});

test('formatAmount words exact values, ranges and open ranges', () => {
  const cases = [
    [1130000000, '1,130,000,000'],
    [2.5, '2.5'],
    [{ min: 10, max: 15 }, '10 – 15'],
    [{ min: 24, max: null }, '≥ 24'],
    [{ min: null, max: 5 }, '≤ 5'],
    [null, ''],
  ];
  for (const [value, expected] of cases) assert.equal(formatAmount(value), expected, JSON.stringify(value));
});

test('sentenceAround finds the sentence of a span', () => {
  const text = 'First one. The port handled 13.4 million boxes. Last one.';
  const start = text.indexOf('13.4');
  assert.equal(sentenceAround(text, start, start + 4), 'The port handled 13.4 million boxes.');
  const lines = 'Headline with 5 words\nBody';
  assert.equal(sentenceAround(lines, 14, 15), 'Headline with 5 words');
});

test('figuresCsv quotes fields, guards formulas and splits ranges', () => {
  const text = 'They paid $5, "about" =SUM(A1) 10-15 people.';
  const report = {
    figures: [
      { start: 10, end: 12, text: '$5', kind: 'money', value: 5, unit: 'USD', normalized: null, approx: false, qualifier: null, counted: '=SUM(A1)' },
      { start: 31, end: 36, text: '10-15', kind: 'range', value: { min: 10, max: 15 }, unit: null, normalized: null, approx: true, qualifier: 'about', counted: 'people, "adults"' },
    ],
  };
  const lines = figuresCsv(text, report).split('\r\n');
  assert.equal(lines[0], 'start,end,text,kind,value,value_min,value_max,unit,normalized_value,normalized_unit,approx,qualifier,counted,date,sentence');
  const first = lines[1].split(',');
  assert.deepEqual(first.slice(0, 8), ['10', '12', '$5', 'money', '5', '5', '5', 'USD']);
  assert.ok(lines[1].includes(",'=SUM(A1),"), 'a leading = is neutralised');
  assert.ok(lines[2].startsWith('31,36,10-15,range,,10,15,'), lines[2]);
  assert.ok(lines[2].includes('"people, ""adults"""'), 'commas and quotes are quoted');
  assert.equal(lines[3], '');
});

test('markdownSummary escapes names and lists every section', () => {
  const report = {
    entities: [{ id: 'e1', type: 'person', name: 'A*B [x]', mentions: [{ start: 0, end: 1, text: 'A' }], roles: ['mayor'] }],
    figures: [], quotes: [{ start: 0, end: 3, text: '"hi"', speaker: null }], sources: [], checks: [{ kind: 'change', ok: false, message: 'x is not y', spans: [] }],
    stats: { words: 3, sentences: 1, paragraphs: 1, readingMinutes: 0.1 }, layout: { headline: null },
  };
  const md = markdownSummary('', report);
  assert.match(md, /- A\\\*B \\\[x\\\] \(1 mention\) — mayor/);
  assert.match(md, /## Figures\n\nNone found\./);
  assert.match(md, /speaker unknown/);
  assert.match(md, /✘ inconsistent \(change\): x is not y/);
});

test('splitBlocks splits at blank lines and caps long blocks without breaking surrogate pairs', () => {
  assert.deepEqual(splitBlocks('a\n\nb\n \n\nc'), [[0, 1], [3, 4], [8, 9]]);
  assert.deepEqual(splitBlocks('one\ntwo'), [[0, 7]]);
  assert.deepEqual(splitBlocks(''), []);
  const long = 'x'.repeat(3999) + '😀' + 'y'.repeat(10);
  const blocks = splitBlocks(long);
  assert.equal(blocks.map(([s, e]) => long.slice(s, e)).join(''), long, 'nothing is lost');
  for (const [s] of blocks) assert.ok(!/[\udc00-\udfff]/.test(long[s]), 'no block starts inside a pair');
});

test('layoutItems drops overlapping marks and invalid spans, orders layers', () => {
  const report = {
    boilerplate: [{ start: 0, end: 50, reason: 'promo' }],
    quotes: [{ start: 5, end: 20 }],
    entities: [{ id: 'e1', type: 'person', mentions: [{ start: 6, end: 10 }, { start: 100, end: 90 }] }],
    figures: [{ start: 8, end: 12, kind: 'count' }, { start: 30, end: 33, kind: 'money' }, { start: 40, end: 999, kind: 'count' }],
  };
  const items = layoutItems(report, 60);
  assert.deepEqual(items.map((i) => [i.layer, i.start, i.end]), [[0, 0, 50], [1, 5, 20], [2, 6, 10], [2, 30, 33]]);
});
