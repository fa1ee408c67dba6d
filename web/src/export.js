// export.js — how the page words a report: value formatting shared by the
// tooltip and the tables, the figures as CSV, and a Markdown summary.
//
//   formatAmount(1.13e9)                 -> "1,130,000,000"
//   formatAmount({ min: 10, max: null }) -> "≥ 10"
//   figuresCsv(text, report)             -> "text,kind,value,...\r\n..."
//   markdownSummary(text, report)        -> "# Article inspection\n..."

// A number as a reader writes it; ranges as "min – max", open sides as ∞.
function formatAmount(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'object') {
    const open = (bound) => bound === null || bound === undefined;
    if (open(value.max) && !open(value.min)) return '≥ ' + formatNumber(value.min);
    if (open(value.min) && !open(value.max)) return '≤ ' + formatNumber(value.max);
    if (open(value.min)) return 'any';
    return formatNumber(value.min) + ' – ' + formatNumber(value.max);
  }
  return String(value);
}

function formatNumber(n) {
  if (!Number.isFinite(n)) return String(n);
  const digits = Math.abs(n) >= 1000 || Number.isInteger(n) ? 2 : 6;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

// The value of a figure for sorting: exact values, or a range's lower bound.
function sortableAmount(value) {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    if (typeof value.min === 'number') return value.min;
    if (typeof value.max === 'number') return value.max;
  }
  return -Infinity;
}

function formatNormalized(figure) {
  if (!figure.normalized) return '';
  return (formatAmount(figure.normalized.value) + ' ' + (figure.normalized.unit || '')).trim();
}

// The sentence around [start, end): from after the previous sentence end or
// line break to the next one. Looks at most `reach` characters either way so
// a text without punctuation costs nothing.
function sentenceAround(text, start, end, reach = 400) {
  let from = start;
  const lowest = Math.max(0, start - reach);
  while (from > lowest) {
    const c = text[from - 1];
    if (c === '\n') break;
    if ((c === ' ' || c === '\u00a0') && /[.!?]["”’)]?$/.test(text.slice(Math.max(0, from - 3), from - 1))) break;
    from--;
  }
  let to = end;
  const highest = Math.min(text.length, end + reach);
  while (to < highest) {
    const c = text[to];
    if (c === '\n') break;
    to++;
    if ((c === '.' || c === '!' || c === '?') && (to >= text.length || /\s/.test(text[to]))) break;
  }
  const clipped = text.slice(from, to).trim();
  return (from === lowest && lowest > 0 ? '…' : '') + clipped + (to === highest && highest < text.length ? '…' : '');
}

function csvField(value) {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? "'" + s : s;
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}

const CSV_COLUMNS = ['start', 'end', 'text', 'kind', 'value', 'value_min', 'value_max', 'unit', 'normalized_value', 'normalized_unit',
  'approx', 'qualifier', 'counted', 'date', 'sentence'];

// The figures as CSV (RFC 4180, CRLF line ends): exact values in `value`,
// ranges in `value_min`/`value_max` (empty for an open side).
function figuresCsv(text, report) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const f of report.figures) {
    const range = f.value !== null && typeof f.value === 'object';
    const normalized = f.normalized ? f.normalized.value : null;
    const row = [
      f.start, f.end, f.text, f.kind,
      range ? '' : f.value,
      range ? f.value.min : f.value, range ? f.value.max : f.value,
      f.unit,
      normalized !== null && typeof normalized === 'object' ? formatAmount(normalized) : normalized,
      f.normalized ? f.normalized.unit : '',
      f.approx ? 'true' : 'false', f.qualifier, f.counted, f.date, sentenceAround(text, f.start, f.end),
    ];
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

// Markdown-safe inline text: escapes the characters that would format.
function mdText(s) {
  return String(s).replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

const ENTITY_TYPE_LABELS = { person: 'People', organization: 'Organisations', location: 'Places', misc: 'Other names' };

// A Markdown summary: statistics, entities by type, figures, quotes, sources, checks.
function markdownSummary(text, report) {
  const out = [];
  const headline = report.layout && report.layout.headline ? report.layout.headline.text : '';
  out.push('# Article inspection' + (headline ? ': ' + mdText(headline) : ''), '');
  const s = report.stats || {};
  out.push(`${s.words ?? 0} words, ${s.sentences ?? 0} sentences, ${s.paragraphs ?? 0} paragraphs, about ${s.readingMinutes ?? 0} min to read.`, '');
  out.push('## Entities', '');
  if (report.entities.length === 0) out.push('None found.', '');
  for (const type of Object.keys(ENTITY_TYPE_LABELS)) {
    const list = report.entities.filter((e) => e.type === type);
    if (list.length === 0) continue;
    out.push('### ' + ENTITY_TYPE_LABELS[type], '');
    for (const e of list) {
      const roles = e.roles && e.roles.length ? ' — ' + e.roles.map(mdText).join(', ') : '';
      out.push(`- ${mdText(e.name)} (${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'})${roles}`);
    }
    out.push('');
  }
  out.push('## Figures', '');
  if (report.figures.length === 0) {
    out.push('None found.', '');
  } else {
    out.push('| Text | Kind | Value | Unit | Normalised | Counted |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of report.figures) {
      out.push(`| ${mdText(f.text)} | ${f.kind} | ${mdText(formatAmount(f.value))} | ${mdText(f.unit || '')} | ${mdText(formatNormalized(f))} | ${mdText(f.counted || '')} |`);
    }
    out.push('');
  }
  out.push('## Quotes', '');
  if (report.quotes.length === 0) out.push('None found.');
  for (const q of report.quotes) {
    out.push(`- ${mdText(q.text)} — ${q.speaker ? mdText(q.speaker.name) : '*speaker unknown*'}`);
  }
  out.push('');
  if (report.sources && report.sources.length) {
    out.push('## Sources', '');
    for (const src of report.sources) {
      out.push(`- ${mdText(src.name)}${src.named ? '' : ' (anonymous)'}: ${src.citations.length} citation${src.citations.length === 1 ? '' : 's'}`);
    }
    out.push('');
  }
  out.push('## Checks', '');
  if (report.checks.length === 0) out.push('No relations between figures to check.');
  for (const c of report.checks) out.push(`- ${c.ok ? '✔ consistent' : '✘ inconsistent'} (${c.kind}): ${mdText(c.message)}`);
  out.push('');
  return out.join('\n');
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { formatAmount, formatNormalized, sortableAmount, sentenceAround, figuresCsv, markdownSummary, ENTITY_TYPE_LABELS };
}
