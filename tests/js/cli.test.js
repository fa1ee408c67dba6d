// The command line (bin/article-inspector.js over dist/, and the native build
// of the same program) on temporary folders: formats, stdin, directories, bad
// input, exit codes, and native = wasm output.
// Run: npm run build && node --test tests/js/cli.test.js
// The native CLI is build/native/article-inspector (or $AI_NATIVE_CLI).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const CLI = path.join(root, 'bin/article-inspector.js');
const NATIVE = process.env.AI_NATIVE_CLI || path.join(root, 'build/native/article-inspector');
if (!fs.existsSync(path.join(root, 'dist/index.cjs'))) throw new Error('dist/index.cjs not found: run "npm run build" first');

const ARTICLES = {
  'strike.txt': 'Port workers in Rotterdam walked out on Monday, the union FNV said. About 1,200 dockers joined, ' +
    'costing operators €4.5m a day. "We stay out," said Maria de Vries.\n',
  'sub/flood.md': '# Floods in Valencia\n\nRain of 300 mm fell in eight hours; 62 people died and damage passed $2bn, ' +
    'officials in Madrid said on Thursday.\n',
  'sub/deeper/page.html': '<p>Shares in Siemens rose 4.5% to €180 in Frankfurt after profit of €2.1bn.</p>\n',
  'sub/ignored.bin': 'Not an article: 99 red balloons.\n',
  'a-first.txt': 'Tokyo: 14 million residents, 23 wards, and a budget of ¥8 trillion. 😀 Café owners said so.\n',
};

let dir;
function run(args, options = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input: options.input ?? '', encoding: options.encoding ?? 'utf8', env: { ...process.env, ...options.env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
function runNative(args, options = {}) {
  const result = spawnSync(NATIVE, args, { cwd: dir, input: options.input ?? '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test.before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-cli-'));
  for (const [name, text] of Object.entries(ARTICLES)) {
    fs.mkdirSync(path.join(dir, 'corpus', path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'corpus', name), text);
  }
  // "E2 82" is one maximal invalid subsequence: TextDecoder makes it one U+FFFD.
  fs.writeFileSync(path.join(dir, 'invalid.txt'), Buffer.concat([
    Buffer.from('Prices in Lagos rose 12% to \xe2\x82 N5,000 ', 'latin1'), Buffer.from('— and 3 firms closed.\n')]));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'bom.txt'), '\ufeffBerlin spent €3m on 40 buses.\n');
  fs.writeFileSync(path.join(dir, 'articles.jsonl'), [
    JSON.stringify({ id: 'a1', text: ARTICLES['strike.txt'] }),
    '{"id": "broken", "text": ',
    '',
    JSON.stringify({ text: 'No id here: 5 people in Lima.' }),
    JSON.stringify({ id: 7, text: '   ' }),
    JSON.stringify({ id: 8, body: 'wrong field' }),
    JSON.stringify({ id: 'a2', text: ARTICLES['sub/flood.md'] }),
  ].join('\n') + '\n');
});
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('usage: --help, --version, and usage errors exit 2', () => {
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: article-inspector/);
  const version = run(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `article-inspector ${require('../../package.json').version}\n`);
  for (const args of [['--bogus'], ['--format', 'xml', 'x.txt'], ['--format'], ['--reference-date', 'tomorrow'],
                      ['--kinds', 'people'], ['--jobs', '0'], ['--quiet=yes'], ['-', '-']]) {
    const result = run(args);
    assert.equal(result.code, 2, `${args.join(' ')} exits 2`);
    assert.match(result.stderr, /article-inspector: .+\nTry "article-inspector --help"/);
    assert.equal(result.stdout, '');
  }
});

test('one file gives one JSON report whose offsets index the file', () => {
  const result = run(['corpus/strike.txt']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.id, undefined);
  assert.ok(report.figures.length > 0);
  const text = ARTICLES['strike.txt'];
  for (const f of report.figures) assert.equal(text.slice(f.start, f.end), f.text);
  assert.equal(result.stderr, '', 'a single input prints no summary');
});

test('stdin: text in, report out; "-" names it explicitly', () => {
  const piped = run([], { input: ARTICLES['sub/flood.md'] });
  assert.equal(piped.code, 0, piped.stderr);
  assert.ok(JSON.parse(piped.stdout).figures.length > 0);
  const dash = run(['--format', 'jsonl', '-'], { input: ARTICLES['sub/flood.md'] });
  assert.equal(JSON.parse(dash.stdout).id, '-');
  const empty = run([], { input: '' });
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /<stdin>: empty text/);
});

test('directories are walked recursively in sorted order, .txt .md .html only', () => {
  const result = run(['--format', 'jsonl', 'corpus']);
  assert.equal(result.code, 0, result.stderr);
  const ids = result.stdout.trim().split('\n').map((line) => JSON.parse(line).id);
  assert.deepEqual(ids, ['corpus/a-first.txt', 'corpus/strike.txt', 'corpus/sub/deeper/page.html', 'corpus/sub/flood.md']);
  assert.match(result.stderr, /article-inspector: 4 articles, [\d.]+ MB in [\d.]+ s \([\d.]+ MB\/s\), 0 errors\n$/);
  assert.ok(!result.stderr.includes('\r'), 'no progress bar on a pipe');
});

test('on a terminal a batch shows a progress bar with rate and ETA', (t) => {
  // `script` runs the CLI with a pseudo-terminal as stdin/stdout/stderr and copies what it shows.
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    t.skip('util-linux "script" is not installed');
    return;
  }
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --format jsonl corpus > /dev/null`;
  const shown = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, encoding: 'utf8' }).stdout;
  assert.match(shown, /\r\x1b\[K\[[#-]{24}\] +\d+% \d+\/4, [\d.]+ articles\/s, [\d.]+ MB\/s, ETA \d+:\d\d/);
  assert.match(shown, /4 articles, [\d.]+ MB in [\d.]+ s \([\d.]+ MB\/s\), 0 errors/);
  const quiet = spawnSync('script', ['-qec', command.replace('--format', '--quiet --format'), '/dev/null'], { cwd: dir, encoding: 'utf8' }).stdout;
  assert.doesNotMatch(quiet, /ETA|articles/);
});

test('every format renders a batch', () => {
  const json = run(['--format', 'json', 'corpus']);
  const reports = JSON.parse(json.stdout);
  assert.equal(reports.length, 4);
  assert.equal(reports[1].id, 'corpus/strike.txt');
  assert.ok(Array.isArray(reports[1].figures));

  const text = run(['--format', 'text', 'corpus']).stdout;
  assert.match(text, /^== corpus\/a-first\.txt ==\n\d+ words, \d+ sentences, \d+ paragraphs, [\d.]+ min read\n/);
  assert.match(text, /\nFigures \(\d+\):\n {2}\w+ +\S/);

  const csv = run(['--format', 'csv', 'corpus']).stdout.trim().split('\n');
  assert.equal(csv[0], 'id,item,type,start,end,text,value,unit,mentions');
  assert.ok(csv.length > 5);
  for (const row of csv.slice(1)) assert.match(row, /^corpus\/[^,]+,(entity|figure),[a-z-]+,\d+,\d+,/);

  const md = run(['--format', 'md', 'corpus']).stdout;
  assert.match(md, /^## corpus\/a-first\.txt\n\n/);
  assert.match(md, /### Figures\n\n\| Kind \| Text \| Value \| Unit \|\n\| --- \| --- \| --- \| --- \|\n\| /);

  const html = run(['--format', 'html', 'corpus']).stdout;
  assert.match(html, /^<!doctype html>\n/);
  assert.equal(html.match(/<section>/g).length, 4);
  assert.match(html, /<mark data-kind="[a-z]+"/);
  assert.ok(html.endsWith('</body>\n</html>\n'));
});

test('JSONL in: bad lines are named and skipped, the rest goes through', () => {
  const result = run(['--jsonl', '--format', 'jsonl', 'articles.jsonl']);
  assert.equal(result.code, 1);
  const ids = result.stdout.trim().split('\n').map((line) => JSON.parse(line).id);
  assert.deepEqual(ids, ['a1', 4, 'a2'], 'missing ids become line numbers');
  assert.match(result.stderr, /articles\.jsonl:2: not valid JSON/);
  assert.match(result.stderr, /articles\.jsonl:5: empty text/);
  assert.match(result.stderr, /articles\.jsonl:6: missing "text" string/);
  assert.match(result.stderr, /3 articles, .*, 3 errors/);
  const fromStdin = run(['--jsonl', '--format', 'jsonl'], { input: fs.readFileSync(path.join(dir, 'articles.jsonl')) });
  assert.equal(fromStdin.stdout, result.stdout);
  assert.match(fromStdin.stderr, /<stdin>:2: not valid JSON/);
  // Numeric ids render in every format.
  assert.match(run(['--jsonl', '--format', 'md', 'articles.jsonl']).stdout, /\n## 4\n/);
  assert.match(run(['--jsonl', '--format', 'html', 'articles.jsonl']).stdout, /<h2>4<\/h2>/);
});

test('invalid UTF-8 is repaired as TextDecoder does, with a warning', () => {
  const result = run(['--format', 'jsonl', 'invalid.txt']);
  assert.equal(result.code, 0, 'repaired input is not skipped');
  assert.match(result.stderr, /invalid\.txt: warning: .*invalid UTF-8/);
  const report = JSON.parse(result.stdout);
  assert.ok(report.warnings.some((w) => w.code === 'invalid-utf8'));
  const decoded = new TextDecoder().decode(fs.readFileSync(path.join(dir, 'invalid.txt')));
  assert.ok(report.figures.length > 0);
  for (const f of report.figures) assert.equal(decoded.slice(f.start, f.end), f.text);
  const quiet = run(['--quiet', 'invalid.txt']);
  assert.equal(quiet.stderr, '');
});

test('a byte-order mark is dropped as TextDecoder drops it', () => {
  const report = JSON.parse(run(['bom.txt']).stdout);
  const decoded = new TextDecoder().decode(fs.readFileSync(path.join(dir, 'bom.txt')));
  assert.ok(report.figures.length > 0);
  for (const f of report.figures) assert.equal(decoded.slice(f.start, f.end), f.text);
});

test('bad inputs are skipped, never fatal, and set exit 1', () => {
  const result = run(['--format', 'jsonl', 'missing.txt', 'empty.txt', 'corpus/strike.txt']);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /missing\.txt: no such file or directory/);
  assert.match(result.stderr, /empty\.txt: empty text/);
  assert.equal(result.stdout.trim().split('\n').length, 1);
  assert.match(result.stderr, /1 article, .*2 errors/);
});

test('--out writes one report per input, mirroring paths', () => {
  const out = path.join(dir, 'reports');
  const result = run(['--format', 'md', '--out', out, 'corpus', 'bom.txt']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, '');
  const written = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : written.push(path.relative(out, path.join(d, e.name))); };
  walk(out);
  assert.deepEqual(written.sort(), ['bom.txt.md', 'corpus/a-first.txt.md', 'corpus/strike.txt.md', 'corpus/sub/deeper/page.html.md', 'corpus/sub/flood.md.md']);
  assert.match(fs.readFileSync(path.join(out, 'corpus/strike.txt.md'), 'utf8'), /^\d+ words/);
  run(['--format', 'json', '--out', out, 'bom.txt']);
  assert.ok(JSON.parse(fs.readFileSync(path.join(out, 'bom.txt.json'), 'utf8')).figures);
  run(['--format', 'json', '--out', out], { input: 'Oslo has 5 parks.' });
  assert.ok(JSON.parse(fs.readFileSync(path.join(out, 'stdin.json'), 'utf8')).stats);
  run(['--jsonl', '--format', 'jsonl', '--out', out, 'articles.jsonl']);
  assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'a2.jsonl'), 'utf8')).id, 'a2');
  assert.ok(fs.existsSync(path.join(out, '4.jsonl')), 'a line without an id is named by its line number');
});

test('--fail-on-checks exits 1 when a figure check fails', (t) => {
  fs.writeFileSync(path.join(dir, 'wrong.txt'), 'The road is 10 miles (40 km) long. The bridge is 5 kilometres (3.1 miles) long.\n');
  const report = JSON.parse(run(['wrong.txt']).stdout);
  if (!report.checks.some((c) => !c.ok)) {
    t.skip('the engine finds no failing check in the sample (checks not implemented yet?)');
    return;
  }
  assert.equal(run(['wrong.txt']).code, 0);
  const failing = run(['--fail-on-checks', 'wrong.txt']);
  assert.equal(failing.code, 1);
  assert.match(failing.stderr, /wrong\.txt: warning: check failed/);
});

test('native and wasm CLIs give identical output', (t) => {
  if (!fs.existsSync(NATIVE)) {
    t.skip(`native CLI not built (${NATIVE}); run npm run build`);
    return;
  }
  const cases = [
    ['--format', 'jsonl', 'corpus', 'invalid.txt', 'bom.txt', 'empty.txt'],
    ['--jsonl', '--format', 'jsonl', 'articles.jsonl'],
    ['--format', 'json', 'corpus'],
    ['--format', 'json', 'invalid.txt'],
    ['--format', 'text', 'corpus', 'invalid.txt'],
    ['--format', 'csv', 'corpus'],
    ['--format', 'md', 'corpus'],
    ['--format', 'html', 'corpus', 'invalid.txt'],
    ['--format', 'jsonl', '--offsets', 'codepoint', '--reference-date', '2022-01-07', 'corpus'],
    ['--format', 'jsonl', '--kinds', 'figures,checks', 'corpus'],
    ['--jsonl', '--format', 'html', 'articles.jsonl'],
    ['--jsonl', '--format', 'csv', 'articles.jsonl'],
    ['--jsonl', '--format', 'md', 'articles.jsonl'],
    ['--jsonl', '--format', 'text', 'articles.jsonl'],
    ['--jsonl', '--format', 'json', 'surrogates.jsonl'],
  ];
  // Escaped unpaired surrogates are not text either CLI can inspect: both skip the line.
  fs.writeFileSync(path.join(dir, 'surrogates.jsonl'), '{"id":"s","text":"a \\ud800 b"}\n{"id":"ok","text":"Fine: 5 cats."}\n');
  for (const args of cases) {
    const wasm = run(args);
    const native = runNative(args);
    assert.equal(native.code, wasm.code, `exit code of ${args.join(' ')}`);
    assert.equal(native.stdout, wasm.stdout, `output of ${args.join(' ')}`);
  }
  const input = fs.readFileSync(path.join(dir, 'articles.jsonl'));
  const piped = [runNative(['--jsonl', '--format', 'jsonl', '--jobs', '1'], { input }), runNative(['--jsonl', '--format', 'jsonl', '--jobs', '4'], { input })];
  assert.equal(piped[0].stdout, run(['--jsonl', '--format', 'jsonl'], { input }).stdout);
  assert.equal(piped[1].stdout, piped[0].stdout, '--jobs keeps the input order');
});
