#!/usr/bin/env node
// article-inspector — the command line over the wasm engine (the npm package's bin).
// tools/article-inspector.cc is the native build of the same program: same
// flags, same output byte for byte (tests/js/cli.test.js checks it). A change
// to an output format here must be made there too.
'use strict';
const fs = require('fs');
const path = require('path');
const { createInspector, highlight } = require('../dist/index.cjs');

const USAGE = `Usage: article-inspector [options] [FILE|DIR|-]...

Inspects news articles: entities, figures, quotes, sources, clutter, checks.
Reads the files given (directories recursively: .txt .md .html), or stdin
when there are none or for "-". Offline.

Options:
  --format FORMAT       json (default), jsonl, text, csv, html or md
  --jsonl               inputs are JSON Lines, one {"id": ..., "text": ...} per line
  --out DIR             write one report per input into DIR instead of stdout
  --fail-on-checks      exit 1 when a consistency check between figures fails
  --reference-date D    resolve relative dates against D (YYYY-MM-DD)
  --kinds LIST          compute only these parts, comma-separated: entities,
                        figures, quotes, sources, boilerplate, checks
  --offsets UNIT        offsets in json/jsonl/csv: utf16 (default), codepoint, byte
  --phone-numbers       report phone numbers as figures
  --jobs N              worker threads (native build; accepted and ignored here)
  -q, --quiet           no progress, summary or warnings on stderr (errors still)
  -h, --help            this help
  --version             the version

Exit status: 0 success, 1 when an input was bad and skipped (or, with
--fail-on-checks, a check failed), 2 on usage errors.
`;

const FORMATS = ['json', 'jsonl', 'text', 'csv', 'html', 'md'];
const EXTENSIONS = { json: 'json', jsonl: 'jsonl', text: 'txt', csv: 'csv', html: 'html', md: 'md' };
const INPUT_EXTENSIONS = ['.txt', '.md', '.html'];
const KINDS = ['entities', 'figures', 'quotes', 'sources', 'boilerplate', 'checks'];
const LONE_SURROGATE = /\p{Cs}/u;

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { inputs: [], format: 'json', jsonl: false, out: null, failOnChecks: false, quiet: false,
                 help: false, version: false, options: {} };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      args.inputs.push(arg);
      continue;
    }
    if (arg === '--') { onlyInputs = true; continue; }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : null;
    const value = () => {
      if (inline !== null) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    const flag = () => {
      if (inline !== null) throw new UsageError(`${name} takes no value`);
      return true;
    };
    switch (name) {
      case '--format': {
        args.format = value();
        if (!FORMATS.includes(args.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${args.format}"`);
        break;
      }
      case '--jsonl': args.jsonl = flag(); break;
      case '--out': args.out = value(); break;
      case '--fail-on-checks': args.failOnChecks = flag(); break;
      case '--reference-date': {
        const date = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--reference-date must be YYYY-MM-DD, got "${date}"`);
        args.options.referenceDate = date;
        break;
      }
      case '--kinds': {
        const kinds = value().split(',').filter((k) => k !== '');
        for (const kind of kinds) {
          if (!KINDS.includes(kind)) throw new UsageError(`--kinds: unknown kind "${kind}" (expected ${KINDS.join(', ')})`);
        }
        args.options.kinds = kinds;
        break;
      }
      case '--offsets': {
        const unit = value();
        if (!['utf16', 'codepoint', 'byte'].includes(unit)) throw new UsageError(`--offsets must be utf16, codepoint or byte, got "${unit}"`);
        args.options.offsets = unit;
        break;
      }
      case '--phone-numbers': args.options.phoneNumbers = flag(); break;
      case '--jobs': {
        const jobs = value();
        if (!/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs must be a positive integer, got "${jobs}"`);
        break;
      }
      case '-q': case '--quiet': args.quiet = flag(); break;
      case '-h': case '--help': args.help = flag(); break;
      case '--version': args.version = flag(); break;
      default: throw new UsageError(`unknown option ${name}`);
    }
  }
  if (args.inputs.length === 0) args.inputs.push('-');
  if (args.inputs.filter((input) => input === '-').length > 1) throw new UsageError('stdin ("-") can be read only once');
  return args;
}

// ---------------------------------------------------------------------------
// Formatting helpers (mirrored in tools/article-inspector.cc)

// Re-indents compact JSON the way JSON.stringify(value, null, 2) and
// nlohmann's dump(2) do, without re-parsing: numbers keep their exact text.
function prettyJson(compact, baseIndent) {
  let out = '';
  let depth = baseIndent;
  let inString = false;
  const newline = () => '\n' + '  '.repeat(depth);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i];
    if (inString) {
      out += c;
      if (c === '\\') out += compact[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') { inString = true; out += c; }
    else if (c === '{' || c === '[') {
      if (compact[i + 1] === (c === '{' ? '}' : ']')) { out += c + compact[++i]; continue; }
      depth++;
      out += c + newline();
    } else if (c === '}' || c === ']') { depth--; out += newline() + c; }
    else if (c === ',') out += ',' + newline();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}

function withId(id, compactReport) {
  return '{"id":' + JSON.stringify(id) + ',' + compactReport.slice(1);
}

function formatNumber(n) {
  return String(n);
}

function formatAmount(value) {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  return (value.min === null ? '' : formatNumber(value.min)) + '..' + (value.max === null ? '' : formatNumber(value.max));
}

function oneLine(text) {
  return text.replace(/[\r\n]+/g, ' ');
}

function figureValue(figure) {
  const value = formatAmount(figure.value);
  return figure.unit === null ? value : value + ' ' + figure.unit;
}

function statsLine(stats) {
  return `${stats.words} words, ${stats.sentences} sentences, ${stats.paragraphs} paragraphs, ${formatNumber(stats.readingMinutes)} min read`;
}

function renderText(id, report, many) {
  const lines = [];
  if (many) lines.push(`== ${id} ==`);
  lines.push(statsLine(report.stats));
  const layout = report.layout || {};
  if (layout.headline) lines.push('Headline: ' + oneLine(layout.headline.text));
  if (layout.dateline) lines.push('Dateline: ' + oneLine(layout.dateline.text));
  if (layout.byline) lines.push('Byline: ' + oneLine(layout.byline.text));
  if (report.entities.length > 0) {
    lines.push(`Entities (${report.entities.length}):`);
    for (const e of report.entities) lines.push(`  ${e.type.padEnd(13)} ${oneLine(e.name)} (${e.mentions.length})`);
  }
  if (report.figures.length > 0) {
    lines.push(`Figures (${report.figures.length}):`);
    for (const f of report.figures) {
      lines.push(`  ${f.kind.padEnd(13)} ${oneLine(f.text)} = ${figureValue(f)}` + (f.date !== undefined ? ` (${f.date})` : ''));
    }
  }
  if (report.quotes.length > 0) {
    lines.push(`Quotes (${report.quotes.length}):`);
    for (const q of report.quotes) lines.push(`  ${oneLine(q.text)}` + (q.speaker ? ` -- ${oneLine(q.speaker.name)}` : ''));
  }
  if (report.sources.length > 0) {
    lines.push(`Sources (${report.sources.length}):`);
    for (const s of report.sources) lines.push(`  ${oneLine(s.name)}${s.named ? '' : ' (anonymous)'}: ${s.sentences} sentences`);
  }
  if (report.boilerplate.length > 0) lines.push(`Clutter: ${report.boilerplate.length} blocks`);
  if (report.checks.length > 0) {
    lines.push(`Checks (${report.checks.length}):`);
    for (const c of report.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.kind}: ${oneLine(c.message)}`);
  }
  if (report.warnings.length > 0) {
    lines.push('Warnings:');
    for (const w of report.warnings) lines.push(`  ${w.code}: ${oneLine(w.message)}`);
  }
  return lines.join('\n') + '\n' + (many ? '\n' : '');
}

function mdCell(text) {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function renderMarkdown(id, report, many) {
  const out = [];
  if (many) out.push(`## ${mdCell(String(id))}`, '');
  const layout = report.layout || {};
  if (layout.headline) out.push(`**${mdCell(layout.headline.text)}**`, '');
  out.push(statsLine(report.stats), '');
  if (report.entities.length > 0) {
    out.push('### Entities', '', '| Type | Name | Mentions | Roles |', '| --- | --- | --- | --- |');
    for (const e of report.entities) out.push(`| ${e.type} | ${mdCell(e.name)} | ${e.mentions.length} | ${mdCell((e.roles || []).join(', '))} |`);
    out.push('');
  }
  if (report.figures.length > 0) {
    out.push('### Figures', '', '| Kind | Text | Value | Unit |', '| --- | --- | --- | --- |');
    for (const f of report.figures) out.push(`| ${f.kind} | ${mdCell(f.text)} | ${formatAmount(f.value)} | ${f.unit === null ? '' : mdCell(f.unit)} |`);
    out.push('');
  }
  if (report.quotes.length > 0) {
    out.push('### Quotes', '');
    for (const q of report.quotes) out.push(`- ${mdCell(q.text)}` + (q.speaker ? ` — ${mdCell(q.speaker.name)}` : ''));
    out.push('');
  }
  if (report.checks.length > 0) {
    out.push('### Checks', '');
    for (const c of report.checks) out.push(`- ${c.ok ? 'ok' : '**FAIL**'} ${c.kind}: ${mdCell(c.message)}`);
    out.push('');
  }
  if (report.warnings.length > 0) {
    out.push('### Warnings', '');
    for (const w of report.warnings) out.push(`- ${w.code}: ${mdCell(w.message)}`);
    out.push('');
  }
  return out.join('\n') + '\n';
}

const CSV_HEADER = 'id,item,type,start,end,text,value,unit,mentions\n';

function csvField(value) {
  const text = String(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function renderCsvRows(id, report) {
  let out = '';
  const row = (fields) => { out += fields.map(csvField).join(',') + '\n'; };
  for (const e of report.entities) {
    const first = e.mentions[0] || { start: '', end: '' };
    row([id, 'entity', e.type, first.start, first.end, e.name, '', '', e.mentions.length]);
  }
  for (const f of report.figures) row([id, 'figure', f.kind, f.start, f.end, f.text, formatAmount(f.value), f.unit === null ? '' : f.unit, '']);
  return out;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const HTML_HEAD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>article-inspector report</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
.text { white-space: pre-wrap; border: 1px solid #ddd; padding: 1rem; border-radius: 4px; }
mark { border-radius: 3px; padding: 0 2px; background: #eee; }
mark[data-kind=person] { background: #ffe08a; } mark[data-kind=organization] { background: #b9e4ff; }
mark[data-kind=location] { background: #c8f2c2; } mark[data-kind=misc] { background: #e9d5ff; }
mark[data-kind=money] { background: #ffc9a8; } mark[data-kind=percent] { background: #ffd6e7; }
mark[data-kind=date], mark[data-kind=time], mark[data-kind=duration] { background: #d9e0ff; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #eee; padding: 2px 8px; text-align: left; }
.fail { color: #b00020; font-weight: bold; }
</style>
</head>
<body>
`;
const HTML_FOOT = '</body>\n</html>\n';

function renderHtmlSection(id, text, report) {
  let out = `<section>\n<h2>${escapeHtml(String(id))}</h2>\n<p>${escapeHtml(statsLine(report.stats))}</p>\n`;
  out += `<div class="text">${highlight(text, report)}</div>\n`;
  if (report.entities.length > 0) {
    out += '<h3>Entities</h3>\n<table>\n<tr><th>Type</th><th>Name</th><th>Mentions</th></tr>\n';
    for (const e of report.entities) out += `<tr><td>${e.type}</td><td>${escapeHtml(e.name)}</td><td>${e.mentions.length}</td></tr>\n`;
    out += '</table>\n';
  }
  if (report.figures.length > 0) {
    out += '<h3>Figures</h3>\n<table>\n<tr><th>Kind</th><th>Text</th><th>Value</th></tr>\n';
    for (const f of report.figures) out += `<tr><td>${f.kind}</td><td>${escapeHtml(f.text)}</td><td>${escapeHtml(figureValue(f))}</td></tr>\n`;
    out += '</table>\n';
  }
  if (report.quotes.length > 0) {
    out += '<h3>Quotes</h3>\n<ul>\n';
    for (const q of report.quotes) out += `<li>${escapeHtml(q.text)}${q.speaker ? ' — ' + escapeHtml(q.speaker.name) : ''}</li>\n`;
    out += '</ul>\n';
  }
  if (report.checks.length > 0) {
    out += '<h3>Checks</h3>\n<ul>\n';
    for (const c of report.checks) out += `<li${c.ok ? '' : ' class="fail"'}>${c.ok ? 'ok' : 'FAIL'} ${escapeHtml(c.kind)}: ${escapeHtml(c.message)}</li>\n`;
    out += '</ul>\n';
  }
  if (report.warnings.length > 0) {
    out += '<h3>Warnings</h3>\n<ul>\n';
    for (const w of report.warnings) out += `<li>${escapeHtml(w.code)}: ${escapeHtml(w.message)}</li>\n`;
    out += '</ul>\n';
  }
  return out + '</section>\n';
}

// The file name under --out for an input id: the id as a relative path with
// "..", "." and empty segments dropped and unsafe characters replaced; stdin
// ("-") is "stdin".
function outName(id, extension, used) {
  const segments = (id === '-' ? 'stdin' : String(id)).replace(/\\/g, '/').split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map((s) => s.replace(/[<>:"|?*\x00-\x1f]/g, '_'));
  const base = segments.length > 0 ? segments.join('/') : 'report';
  let name = base + '.' + extension;
  for (let n = 2; used.has(name); n++) name = base + '-' + n + '.' + extension;
  used.add(name);
  return name;
}

// ---------------------------------------------------------------------------
// Inputs

function isBlank(bytesOrText) {
  if (typeof bytesOrText === 'string') return /^[ \t\n\r\f\v]*$/.test(bytesOrText);
  for (const b of bytesOrText) if (!(b === 0x20 || (b >= 0x09 && b <= 0x0d))) return false;
  return true;
}

function stripBom(bytes) {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

// Expands the command-line inputs into a list of sources, in order:
// {kind: 'file'|'stdin', name, size}. Directories are walked in sorted order.
function collectSources(inputs, report) {
  const sources = [];
  let sawDirectory = false;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      report(dir, errorMessage(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = dir.endsWith('/') ? dir + entry.name : dir + '/' + entry.name;
      if (entry.isDirectory()) walk(child);
      else if (INPUT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        let stat = null;
        try { stat = fs.statSync(child); } catch (error) { report(child, errorMessage(error)); continue; }
        if (stat.isFile()) sources.push({ kind: 'file', name: child, size: stat.size });
      }
    }
  };
  for (const input of inputs) {
    if (input === '-') { sources.push({ kind: 'stdin', name: '-', size: 0 }); continue; }
    let stat;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      report(input, errorMessage(error));
      continue;
    }
    if (stat.isDirectory()) {
      sawDirectory = true;
      walk(input);
    } else {
      sources.push({ kind: 'file', name: input, size: stat.size });
    }
  }
  return { sources, sawDirectory };
}

function errorMessage(error) {
  const messages = { ENOENT: 'no such file or directory', EACCES: 'permission denied', EISDIR: 'is a directory' };
  return messages[error.code] || error.message;
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

// Yields {line, bytes} for each line of a byte stream (without "\n" or "\r\n").
async function* lines(stream) {
  let pending = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of stream) {
    let data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let from = 0;
    for (let nl = data.indexOf(0x0a, from); nl !== -1; nl = data.indexOf(0x0a, from)) {
      const end = nl > from && data[nl - 1] === 0x0d ? nl - 1 : nl;
      yield { line: ++number, bytes: data.subarray(from, end) };
      from = nl + 1;
    }
    pending = Buffer.from(data.subarray(from));
  }
  if (pending.length > 0) {
    const end = pending[pending.length - 1] === 0x0d ? pending.length - 1 : pending.length;
    yield { line: ++number, bytes: pending.subarray(0, end) };
  }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Parses one JSONL line into {id, text}, or returns {error}. Rejects what the
// native CLI's JSON parser rejects too: invalid UTF-8 and unpaired surrogates.
function parseJsonlLine(bytes, line) {
  let object;
  try {
    object = JSON.parse(strictDecoder.decode(line === 1 ? stripBom(bytes) : bytes));
  } catch (error) {
    return { error: 'not valid JSON' + (error instanceof SyntaxError ? '' : ' (invalid UTF-8)') };
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return { error: 'expected a JSON object {"id": ..., "text": ...}' };
  if (typeof object.text !== 'string') return { error: 'missing "text" string' };
  let id = object.id;
  if (id === undefined || id === null) id = line;
  else if (typeof id !== 'string' && typeof id !== 'number') return { error: '"id" must be a string or a number' };
  if (LONE_SURROGATE.test(object.text) || (typeof id === 'string' && LONE_SURROGATE.test(id))) return { error: 'not valid JSON (unpaired surrogate)' };
  return { id, text: object.text };
}

// ---------------------------------------------------------------------------
// Progress on a terminal

function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

class Progress {
  constructor(enabled, totalArticles, totalBytes) {
    this.enabled = enabled;
    this.totalArticles = totalArticles;
    this.totalBytes = totalBytes;
    this.articles = 0;
    this.bytes = 0;
    this.started = Date.now();
    this.lastDraw = 0;
  }
  advance(bytes) {
    this.articles++;
    this.bytes += bytes;
    if (this.enabled && Date.now() - this.lastDraw >= 100) this.draw();
  }
  draw() {
    this.lastDraw = Date.now();
    const elapsed = Math.max((Date.now() - this.started) / 1000, 1e-3);
    const rate = `${(this.articles / elapsed).toFixed(1)} articles/s, ${(this.bytes / 1e6 / elapsed).toFixed(2)} MB/s`;
    let fraction = null;
    if (this.totalBytes > 0) fraction = Math.min(this.bytes / this.totalBytes, 1);
    else if (this.totalArticles > 0) fraction = Math.min(this.articles / this.totalArticles, 1);
    let line;
    if (fraction === null) line = `${this.articles} articles, ${rate}`;
    else {
      const width = 24;
      const filled = Math.round(fraction * width);
      const eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
      line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
             `${this.articles}${this.totalArticles > 0 ? '/' + this.totalArticles : ''}, ${rate}, ETA ${formatDuration(eta)}`;
    }
    process.stderr.write('\r\x1b[K' + line);
  }
  finish() {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
  summary(errors) {
    const elapsed = Math.max((Date.now() - this.started) / 1000, 1e-3);
    const mb = this.bytes / 1e6;
    return `${this.articles} article${this.articles === 1 ? '' : 's'}, ${mb.toFixed(2)} MB in ${elapsed.toFixed(1)} s (${(mb / elapsed).toFixed(2)} MB/s), ${errors} error${errors === 1 ? '' : 's'}`;
  }
}

// ---------------------------------------------------------------------------
// The run

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`article-inspector: ${error.message}\nTry "article-inspector --help".\n`);
    return 2;
  }
  if (args.help) { process.stdout.write(USAGE); return 0; }
  const inspector = await createInspector();
  if (args.version) { process.stdout.write(`article-inspector ${inspector.version}\n`); return 0; }
  if (args.inputs.length === 1 && args.inputs[0] === '-' && argv.every((a) => a !== '-') && process.stdin.isTTY) {
    process.stderr.write(`article-inspector: no input: give files or directories, or pipe text to stdin\n\n${USAGE}`);
    return 2;
  }

  let errors = 0;
  let checksFailed = false;
  const problem = (where, message) => {
    errors++;
    progress && progress.finish();
    process.stderr.write(`article-inspector: ${where}: ${message}\n`);
  };
  const warn = (where, message) => {
    if (args.quiet) return;
    progress && progress.finish();
    process.stderr.write(`article-inspector: ${where}: warning: ${message}\n`);
  };
  let progress = null;
  const { sources, sawDirectory } = collectSources(args.inputs, problem);
  // One report alone, or a batch (arrays, headers, summary): decided by the
  // command line, not by how many inputs turned out readable.
  const many = args.jsonl || args.inputs.length > 1 || sawDirectory;
  const totalBytes = sources.reduce((sum, s) => sum + s.size, 0);
  progress = new Progress(many && !args.quiet && process.stderr.isTTY === true, args.jsonl ? 0 : sources.length, totalBytes);

  const stdout = process.stdout;
  const write = (text) => new Promise((resolve) => {
    if (stdout.write(text)) resolve();
    else stdout.once('drain', resolve);
  });
  if (args.out !== null) {
    try {
      fs.mkdirSync(args.out, { recursive: true });
    } catch (error) {
      process.stderr.write(`article-inspector: --out ${args.out}: ${errorMessage(error)}\n`);
      return 2;
    }
  }
  const usedNames = new Set();
  let emitted = 0;
  const htmlReport = args.format === 'html';
  const options = Object.assign({}, args.options);
  if (htmlReport) delete options.offsets;  // highlighting indexes the text in UTF-16 units

  // Renders one article for stdout (`single` = the whole output is this one report).
  const render = (id, report, compact, text, single) => {
    switch (args.format) {
      case 'json': return single ? prettyJson(compact, 0) + '\n' : (emitted > 0 ? ',\n  ' : '  ') + prettyJson(withId(id, compact), 1);
      case 'jsonl': return withId(id, compact) + '\n';
      case 'text': return renderText(id, report, !single);
      case 'md': return renderMarkdown(id, report, !single);
      case 'csv': return renderCsvRows(id, report);
      case 'html': return renderHtmlSection(id, text, report);
    }
    throw new Error('unreachable');
  };
  const renderAlone = (id, report, compact, text) => {
    switch (args.format) {
      case 'csv': return CSV_HEADER + renderCsvRows(id, report);
      case 'html': return HTML_HEAD + renderHtmlSection(id, text, report) + HTML_FOOT;
      default: return render(id, report, compact, text, true);
    }
  };

  const inspectOne = async (id, where, input, size) => {
    if (isBlank(input)) { problem(where, 'empty text, skipped'); return; }
    let compact;
    try {
      compact = inspector.inspectJson(input, options);
    } catch (error) {
      problem(where, error.message.replace(/^article-inspector: /, ''));
      return;
    }
    const report = JSON.parse(compact);
    for (const warning of report.warnings) warn(where, warning.message);
    for (const check of report.checks) {
      if (!check.ok) {
        checksFailed = true;
        if (args.failOnChecks) warn(where, `check failed: ${check.kind}: ${check.message}`);
      }
    }
    const text = htmlReport ? (typeof input === 'string' ? input : new TextDecoder('utf-8', { ignoreBOM: true }).decode(input)) : null;
    if (args.out !== null) {
      const file = path.join(args.out, outName(id, EXTENSIONS[args.format], usedNames));
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, renderAlone(id, report, compact, text));
      } catch (error) {
        problem(file, errorMessage(error).replace(/^article-inspector: /, ''));
        return;
      }
    } else {
      let rendered;
      try {
        rendered = render(id, report, compact, text, !many);
      } catch (error) {
        problem(where, error.message.replace(/^article-inspector: /, ''));
        return;
      }
      if (emitted === 0) {
        if (many && args.format === 'json') await write('[\n');
        if (args.format === 'csv') await write(CSV_HEADER);
        if (args.format === 'html') await write(HTML_HEAD);
      }
      await write(rendered);
    }
    emitted++;
    progress.advance(size);
  };

  for (const source of sources) {
    const stream = () => (source.kind === 'stdin' ? process.stdin : fs.createReadStream(source.name));
    const label = source.kind === 'stdin' ? '<stdin>' : source.name;
    try {
      if (args.jsonl) {
        for await (const { line, bytes } of lines(stream())) {
          if (isBlank(bytes)) continue;
          const parsed = parseJsonlLine(bytes, line);
          if (parsed.error) { problem(`${label}:${line}`, parsed.error); continue; }
          await inspectOne(parsed.id, `${label}:${line}`, parsed.text, bytes.length);
        }
      } else {
        const bytes = stripBom(await readAll(stream()));
        await inspectOne(source.name, label, bytes, bytes.length);
      }
    } catch (error) {
      problem(label, errorMessage(error));
    }
  }
  if (args.out === null) {
    if (args.format === 'json' && many) await write(emitted > 0 ? '\n]\n' : '[]\n');
    if (args.format === 'html' && emitted > 0) await write(HTML_FOOT);
  }
  progress.finish();
  if (many && !args.quiet) process.stderr.write(`article-inspector: ${progress.summary(errors)}\n`);
  return errors > 0 || (args.failOnChecks && checksFailed) ? 1 : 0;
}

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw error;
});

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
  process.stderr.write(`article-inspector: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
