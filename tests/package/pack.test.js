// The package as users get it: `npm pack`, installed offline into an empty
// project, used through require, import and the bin; bundled by esbuild and
// webpack with no configuration and run in Node and Chromium; and its types
// checked by tsc against real reports.
// Run: npm run build && node --test tests/package/pack.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
if (!fs.existsSync(path.join(root, 'dist/index.cjs'))) throw new Error('dist/index.cjs not found: run "npm run build" first');

const SAMPLE = 'ROTTERDAM (Reuters) — Port workers walked out on Monday, the union FNV said. About 1,200 dockers ' +
  'joined the strike, costing operators €4.5m a day, up 12% on last year. "We stay out," said Maria de Vries.';

// What every consumer program prints: enough to see the engine really ran.
const CONSUMER = `
const text = ${JSON.stringify(SAMPLE)};
function summarise(api) {
  return api.createInspector().then(function (inspector) {
    var report = inspector.inspect(text);
    return { version: inspector.version, words: report.stats.words, figures: report.figures.length,
             money: report.findFigures({ kind: 'money' }).length, marked: (api.highlight(text, report).match(/<mark /g) || []).length };
  });
}`;

let work;
let project;
let tarball;

function sh(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function checkSummary(summary) {
  assert.equal(summary.version, require('../../package.json').version);
  assert.ok(summary.words > 20, `words: ${summary.words}`);
  assert.ok(summary.figures > 0 && summary.money > 0 && summary.marked > 0, JSON.stringify(summary));
}

test.before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-pack-'));
  // --ignore-scripts: the prepack build already ran (this test checks its output).
  const packed = JSON.parse(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root));
  tarball = path.join(work, packed[0].filename);
  project = path.join(work, 'consumer');
  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  sh('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
});
test.after(() => fs.rmSync(work, { recursive: true, force: true }));

test('the tarball holds the package and nothing else', () => {
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  for (const file of ['package/package.json', 'package/bin/article-inspector.js', 'package/dist/index.cjs', 'package/dist/index.mjs',
                      'package/dist/index.d.ts', 'package/dist/index.d.mts', 'package/dist/inspector-api.cjs',
                      'package/dist/article-inspector-wasm.cjs', 'package/dist/article-inspector.js',
                      'package/dist/article-inspector.wasm', 'package/dist/article-inspector.mem',
                      'package/dist/article-inspector-node.cjs']) {
    assert.ok(listing.includes(file), `${file} is packed`);
  }
  assert.ok(listing.every((f) => /^package\/(package\.json|README\.md|LICENSE|bin\/|dist\/)/.test(f)), listing.join('\n'));
});

test('require and import work in an empty project', () => {
  const required = sh(process.execPath, ['-e', `${CONSUMER}\nsummarise(require('article-inspector')).then((s) => console.log(JSON.stringify(s)));`], project);
  checkSummary(JSON.parse(required));
  const imported = sh(process.execPath, ['--input-type=module', '-e',
    `import * as api from 'article-inspector';\n${CONSUMER}\nconsole.log(JSON.stringify(await summarise(api)));`], project);
  checkSummary(JSON.parse(imported));
  const cli = sh(path.join(project, 'node_modules/.bin/article-inspector'), ['--version'], project);
  assert.match(cli, /^article-inspector \d+\.\d+\.\d+\n$/);
});

const ENTRY = `import * as api from 'article-inspector';
${CONSUMER}
summarise(api).then(function (summary) {
  if (typeof window !== 'undefined') window.__summary = summary;
  else console.log(JSON.stringify(summary));
}, function (error) {
  if (typeof window !== 'undefined') window.__summary = { error: String(error) };
  else { console.error(error); process.exitCode = 1; }
});
`;

async function runInChromium(scripts) {
  const { chromium } = require(path.join(root, 'node_modules/playwright-core'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results = [];
    for (const script of scripts) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const html = path.join(path.dirname(script), path.basename(script) + '.html');
      fs.writeFileSync(html, `<!doctype html><meta charset="utf-8"><script src="${path.basename(script)}"></script>`);
      await page.goto('file://' + html);
      await page.waitForFunction(() => window.__summary !== undefined, null, { timeout: 30000 });
      results.push({ summary: await page.evaluate(() => window.__summary), errors });
      await page.close();
    }
    return results;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

test('esbuild and webpack bundle it with no configuration; the bundles run in Node and Chromium', async () => {
  fs.writeFileSync(path.join(project, 'src/index.js'), ENTRY);
  sh(bin('esbuild'), ['src/index.js', '--bundle', '--outfile=out/esbuild.js', '--log-level=warning'], project);
  sh(bin('webpack'), ['--mode=production'], project);  // defaults: src/index.js -> dist/main.js
  const bundles = [path.join(project, 'out/esbuild.js'), path.join(project, 'dist/main.js')];
  for (const bundle of bundles) checkSummary(JSON.parse(sh(process.execPath, [bundle], project)));
  const results = await runInChromium(bundles);
  for (const [i, result] of results.entries()) {
    assert.deepEqual(result.errors, [], `page errors for ${bundles[i]}`);
    assert.equal(result.summary.error, undefined, `${bundles[i]}: ${result.summary.error}`);
    checkSummary(result.summary);
  }
});

test('the browser build defines ArticleInspector in a page and in a worker', async () => {
  const script = path.join(project, 'node_modules/article-inspector/dist/article-inspector.js');
  const page = path.join(work, 'classic.js');
  // A classic script that loads the browser build, then uses it in the page
  // and in a Blob worker made from the same source (file:// pages cannot load
  // worker scripts by URL).
  fs.writeFileSync(page, `${fs.readFileSync(script, 'utf8')}
;(function () {
  ${CONSUMER}
  summarise(ArticleInspector).then(function (inPage) {
    var body = ${JSON.stringify(fs.readFileSync(script, 'utf8'))} + ';' + ${JSON.stringify(CONSUMER)} +
      '\\nsummarise(self.ArticleInspector).then(function (s) { postMessage(s); }, function (e) { postMessage({ error: String(e) }); });';
    var worker = new Worker(URL.createObjectURL(new Blob([body], { type: 'text/javascript' })));
    worker.onmessage = function (event) { window.__summary = { page: inPage, worker: event.data }; };
    worker.onerror = function (event) { window.__summary = { error: 'worker: ' + event.message }; };
  }, function (error) { window.__summary = { error: String(error) }; });
})();
`);
  const [result] = await runInChromium([page]);
  assert.deepEqual(result.errors, []);
  assert.equal(result.summary.error, undefined, result.summary.error);
  checkSummary(result.summary.page);
  checkSummary(result.summary.worker);
});

test('the types match real reports (tsc --noEmit, strict)', () => {
  const api = require(path.join(project, 'node_modules/article-inspector'));
  return api.createInspector().then((inspector) => {
    // Real reports as object literals typed ReportData: excess-property
    // checks fail on any field the .d.ts lacks, and missing fields fail too.
    const texts = [SAMPLE, fs.readFileSync(path.join(root, 'examples', fs.readdirSync(path.join(root, 'examples')).find((f) => f.endsWith('.txt'))), 'utf8')];
    const literals = texts.map((text, i) => `export const report${i}: ReportData = ${inspector.inspectJson(text)};`).join('\n');
    fs.writeFileSync(path.join(project, 'reports.mts'), `import type { ReportData } from 'article-inspector';\n${literals}\n`);
    fs.writeFileSync(path.join(project, 'usage.mts'), `
import { createInspector, highlight, type Report, type Figure, type Entity, type InspectOptions } from 'article-inspector';
import articleInspector from 'article-inspector';

export async function main(text: string): Promise<string> {
  const inspector = await createInspector({ referenceDate: new Date(), maxTextLength: 1 << 20 });
  const options: InspectOptions = { kinds: ['entities', 'figures'], offsets: 'utf16', phoneNumbers: false };
  const report: Report = inspector.inspect(text, options);
  const fromBytes: Report = inspector.inspect(new TextEncoder().encode(text));
  const json: string = inspector.inspectJson(text);
  const people: Entity[] = report.people();
  const money: Figure[] = report.findFigures({ kind: 'money' });
  let total = 0;
  for (const figure of money) {
    const value = figure.value;
    total += typeof value === 'number' ? value : value.min ?? 0;
    if (figure.normalized !== null) total += typeof figure.normalized.value === 'number' ? 1 : 0;
  }
  const quoted = report.quotes.map((q) => q.speaker?.name ?? 'unknown');
  const version: string = inspector.version;
  // @ts-expect-error: not a report kind
  inspector.inspect(text, { kinds: ['people'] });
  // @ts-expect-error: not an offset unit
  inspector.inspect(text, { offsets: 'chars' });
  // @ts-expect-error: text must be a string or bytes
  inspector.inspect(42);
  return highlight(text, report) + people.length + total + quoted.join() + version + json.length + fromBytes.stats.words +
    String(articleInspector.createInspector === createInspector);
}
`);
    fs.writeFileSync(path.join(project, 'usage.cts'), `
import articleInspector = require('article-inspector');
export async function words(text: string): Promise<number> {
  const inspector = await articleInspector.createInspector();
  const report: articleInspector.Report = inspector.inspect(text);
  return report.stats.words + report.places().length + articleInspector.highlight(text, report).length;
}
`);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true,
                         lib: ['es2022', 'dom'], types: [] },
      files: ['usage.mts', 'usage.cts', 'reports.mts'],
    }));
    const result = spawnSync(bin('tsc'), ['--noEmit', '-p', project], { encoding: 'utf8' });
    assert.equal(result.status, 0, `tsc:\n${result.stdout}${result.stderr}`);
  });
});
