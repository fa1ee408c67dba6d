'use strict';
// Shared by the browser tests: starting Debian's Chromium through
// playwright-core, opening the built page with a log of every request it
// makes, pasting as a user would, and the reference report from the package.
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const pageFile = path.join(root, 'web', 'dist', 'index.html');
const pageUrl = 'file://' + pageFile;
const artifacts = path.join(root, 'test-artifacts');
const sharedSample = path.join(root, '..', 'shared', 'samples', 'kazakhstan-unrest.txt');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A fresh browser profile per call, so saved state never leaks between tests.
async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

// Opens `url` in a new page of `context`, recording every request, console
// error, page error and CSP violation. `own(url)` says which requests are the
// page's own files; any other is aborted (and stays in the log).
async function openPage(context, url, own) {
  const page = await context.newPage();
  const log = { requests: [], foreign: [], errors: [], workers: [] };
  page.on('worker', (worker) => log.workers.push(worker.url()));
  page.on('request', (request) => {
    log.requests.push(request.url());
    if (!own(request.url())) log.foreign.push(request.url());
  });
  page.on('pageerror', (error) => log.errors.push('pageerror: ' + error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push('console: ' + message.text());
  });
  await page.route('**/*', (route) => (own(route.request().url()) ? route.continue() : route.abort()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => /Ready|Inspected|could not start/.test(document.getElementById('status').textContent), null,
    { timeout: 60000, polling: 100 });
  const status = await page.textContent('#status');
  if (/could not start/.test(status)) throw new Error(status + '\n' + log.errors.join('\n'));
  return { page, log };
}

// The page's own files: the page itself and the Blob URL its worker starts from.
function ownFileUrl(url) {
  return url === pageUrl || url.startsWith('blob:');
}

// Pastes like a user: a paste event on #input carrying text/plain and/or text/html.
async function paste(page, { text, html }) {
  await page.focus('#input');
  await page.evaluate(({ text, html }) => {
    const data = new DataTransfer();
    if (typeof text === 'string') data.setData('text/plain', text);
    if (typeof html === 'string') data.setData('text/html', html);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.getElementById('input').dispatchEvent(event);
  }, { text, html });
}

async function clearInput(page) {
  await page.evaluate(() => {
    const input = document.getElementById('input');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

// Waits until the view shows the report for the current text of #input.
// Polls on an interval: Playwright's default (every animation frame) would
// itself force a frame at each poll and add main-thread work the 1 MB test
// would count against the page.
async function waitForInspection(page, timeout = 30000) {
  // Read once: the value of a textarea holding a megabyte is not free to read at every poll.
  const length = await page.evaluate(() => document.getElementById('input').value.length);
  await page.waitForFunction((expected) => document.body.dataset.inspectedLength === String(expected) &&
    document.getElementById('view').getAttribute('aria-busy') !== 'true', length, { timeout, polling: 100 });
}

// Waits until #input holds text matching `pattern` (files are read asynchronously).
async function waitForInput(page, pattern) {
  await page.waitForFunction(({ source, flags }) => new RegExp(source, flags).test(document.getElementById('input').value),
    { source: pattern.source, flags: pattern.flags }, { polling: 100 });
}

// The user's example article when ../shared is present, else our own.
function sampleArticle() {
  if (fs.existsSync(sharedSample)) return { name: 'kazakhstan-unrest (shared sample)', text: fs.readFileSync(sharedSample, 'utf8') };
  const { EXAMPLE_ARTICLE } = require(path.join(root, 'web', 'src', 'example.js'));
  return { name: 'built-in example (../shared absent)', text: EXAMPLE_ARTICLE };
}

let inspectorPromise = null;
// The package's report for `text`, as plain JSON data. $AI_PACKAGE_ENTRY
// names another build of the package (the one the page was built with).
async function libraryReport(text) {
  const entry = process.env.AI_PACKAGE_ENTRY || path.join(root, 'dist', 'index.cjs');
  if (!inspectorPromise) inspectorPromise = require(entry).createInspector();
  const inspector = await inspectorPromise;
  return JSON.parse(JSON.stringify(inspector.inspect(text)));
}

// A loopback HTTP server. `handler(req, res)`; resolves to { url, close }.
function serve(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const close = () => new Promise((done) => {
        server.close(done);
        server.closeAllConnections();  // the browser's keep-alive sockets would hold close() open
      });
      resolve({ url: `http://127.0.0.1:${port}`, close });
    });
  });
}

// Serves web/dist as static files.
function serveDist() {
  const dir = path.join(root, 'web', 'dist');
  return serve((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, name.endsWith('/') ? name + 'index.html' : name);
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) res.writeHead(404).end('not found');
      else res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' }).end(data);
    });
  });
}

// Records a Chromium trace of `page`; `stop()` resolves to the main-thread
// tasks of its renderer as { wall, cpu } milliseconds. CPU time is what the
// task cost; wall time also counts the time other processes held the CPU.
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
async function traceMainThreadTasks(page) {
  const session = await page.context().newCDPSession(page);
  const events = [];
  session.on('Tracing.dataCollected', (data) => events.push(...data.value));
  const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
  await session.send('Tracing.start', { categories: 'toplevel,devtools.timeline,__metadata', transferMode: 'ReportEvents' });
  return async () => {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
    const mainThreads = new Set(events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain')
      .map((e) => e.pid + ':' + e.tid));
    return events
      .filter((e) => e.ph === 'X' && TASK_EVENTS.has(e.name) && mainThreads.has(e.pid + ':' + e.tid) && e.dur !== undefined)
      .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000, source: e.args && e.args.src_func ? e.args.src_file + ':' + e.args.src_func : JSON.stringify(e.args || {}).slice(0, 200) }));
  };
}

function artifactPath(name) {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

module.exports = {
  root, pageFile, pageUrl, launch, openPage, ownFileUrl, paste, clearInput, waitForInput, waitForInspection, sampleArticle,
  libraryReport, serve, serveDist, artifactPath, traceMainThreadTasks,
};
