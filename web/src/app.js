// app.js — the inspector page: wires the input, the worker, the article view,
// the side panel, navigation, export and saved state together.
//
// Flow: every edit of #input schedules an inspection (debounced); the worker
// answers with the report as JSON; the page draws the highlighted text
// (render.js) and fills the panels. Only one inspection is in flight at a
// time; edits made meanwhile are inspected next, and a stale answer is not
// drawn.

/* global h, ArticleView, createEngineClient, htmlToText, markdownToText, fileKind, EXAMPLE_ARTICLE,
   ENTITY_KINDS, FIGURE_KINDS, OTHER_KINDS, kindLabel, checkExplanation,
   formatAmount, formatNormalized, sortableAmount, sentenceAround, figuresCsv, markdownSummary */

const STORAGE_KEY = 'article-inspector:page:v1';
const MAX_SAVED_TEXT = 2000000;  // characters; localStorage holds ~5M
const LIST_PAGE = 100;           // rows drawn per list before "Show more"
const DEBOUNCE_SMALL = 250;
const DEBOUNCE_LARGE = 700;      // for texts over LARGE_TEXT characters
const LARGE_TEXT = 200000;
// Longer texts are kept in the text box but the box is hidden until asked
// for: laying out a textarea holding a megabyte takes the browser most of a
// second, which would freeze the page right after the paste.
const LARGE_EDIT = 100000;
const DIRECT_INSERT_LIMIT = 50000;  // longer pastes skip the undo-aware insert

const $ = (id) => document.getElementById(id);
const ui = {
  input: $('input'), status: $('status'), view: $('view'), filters: $('filter-list'), tooltip: $('tooltip'),
  stepper: $('stepper'), stepperLabel: $('stepper-label'), theme: $('theme'), fileInput: $('file-input'),
  dropOverlay: $('drop-overlay'), exportMenu: $('export-menu'), largeNote: $('large-note'), largeNoteText: $('large-note-text'),
  panels: {
    entities: $('panel-entities'), figures: $('panel-figures'), quotes: $('panel-quotes'),
    sources: $('panel-sources'), checks: $('panel-checks'), stats: $('panel-stats'),
  },
};

const defaultSettings = () => ({ theme: 'auto', hidden: [], clutterCollapsed: false, tab: 'entities', sort: { column: 'start', descending: false } });

const state = {
  settings: defaultSettings(),
  text: '',            // the text the current report was made from
  report: null,
  milliseconds: 0,
  where: '',
  version: '',
  selected: null,      // { id, index } of the entity whose mentions are marked
  editLarge: false,    // the user asked to see a text longer than LARGE_EDIT in the box
  current: null,       // element or range shown as "current"
  inFlight: false,
  again: false,
  lastRequested: null,
  debounce: null,
  saveTimer: null,
};

const view = new ArticleView(ui.view);

// ---- saved state -------------------------------------------------------------

function loadSaved() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    if (!saved || typeof saved !== 'object') return null;
    const settings = Object.assign(defaultSettings(), saved.settings || {});
    if (!Array.isArray(settings.hidden)) settings.hidden = [];
    return { text: typeof saved.text === 'string' ? saved.text : '', settings };
  } catch (error) {
    return null;
  }
}

function saveSoon() {
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(save, 400);
}

function save() {
  const text = ui.input.value;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({
      text: text.length <= MAX_SAVED_TEXT ? text : '',
      settings: state.settings,
    }));
  } catch (error) {
    // Storage full or disabled (private mode): the page still works, it just forgets.
  }
}

// ---- status line -------------------------------------------------------------

// The status line shows the last inspection; a message about an action
// (saved, copied) shows for a few seconds and then gives way to it again.
let summary = '';
let statusTimer = null;
function setStatus(message, isError) {
  clearTimeout(statusTimer);
  ui.status.textContent = message;
  ui.status.classList.toggle('error', Boolean(isError));
}

function setSummary(message) {
  summary = message;
  setStatus(message);
}

function flashStatus(message) {
  setStatus(message);
  if (summary) statusTimer = setTimeout(() => setStatus(summary), 5000);
}

function plural(n, word, many) {
  return n.toLocaleString('en-US') + ' ' + (n === 1 ? word : (many || word + 's'));
}

// ---- inspection ----------------------------------------------------------------

let client = null;

function startEngine() {
  const holder = $('engine-source');
  const sources = JSON.parse(holder.textContent);
  holder.remove();  // 100s of KB the DOM need not keep
  client = createEngineClient(sources, (message) => setStatus(message));
  client.ready.then((backend) => {
    state.version = backend.version;
    setStatus('Ready (engine ' + backend.version + ', ' + (backend.where === 'worker' ? 'in a worker' : 'on the page') + ').');
    requestInspection();
  }, (error) => setStatus('The inspector could not start: ' + error.message, true));
}

function scheduleInspection() {
  clearTimeout(state.debounce);
  const delay = ui.input.value.length > LARGE_TEXT ? DEBOUNCE_LARGE : DEBOUNCE_SMALL;
  state.debounce = setTimeout(requestInspection, delay);
  saveSoon();
}

function requestInspection() {
  if (!client) return;
  const text = ui.input.value;
  if (state.inFlight) {
    state.again = true;
    return;
  }
  if (text === state.lastRequested) return;
  state.lastRequested = text;
  state.inFlight = true;
  if (text.length > LARGE_TEXT) setStatus('Inspecting ' + plural(text.length, 'character') + '…');
  client.inspect(text).then((answer) => {
    state.inFlight = false;
    if (state.again || ui.input.value !== text) {
      // The text changed while this one was inspected: inspect the new one instead of drawing a stale report.
      state.again = false;
      requestInspection();
      if (ui.input.value !== text) return;
    }
    showReport(text, answer);
  }, (error) => {
    state.inFlight = false;
    state.lastRequested = null;
    setStatus('Inspection failed: ' + error.message, true);
    if (state.again) {
      state.again = false;
      requestInspection();
    }
  });
}

// Draws a report in a few short tasks (parse, view, then the panels), so
// even the report of a megabyte of text never holds the main thread for long.
let drawing = 0;
function showReport(text, answer) {
  const generation = ++drawing;
  let report = null;
  let panelsDrawn = false;
  let viewDrawn = false;
  const finish = () => {
    if (!panelsDrawn || !viewDrawn || generation !== drawing) return;
    // For tests and scripts driving the page: which text the page now shows in full.
    document.body.dataset.inspectedLength = String(text.length);
  };
  const steps = [
    () => {
      report = JSON.parse(answer.json);
    },
    () => {
      state.text = text;
      state.report = report;
      state.milliseconds = answer.milliseconds;
      state.where = answer.where;
      clearCurrent();
      const selected = state.selected && report.entities.find((e) => e.id === state.selected.id);
      state.selected = selected ? { id: selected.id, index: Math.min(state.selected.index, selected.mentions.length - 1) } : null;
      view.selectedEntity = state.selected ? state.selected.id : null;
      view.collapsedClutter = state.settings.clutterCollapsed;
      hideTooltip();
      view.show(text, report, () => {
        viewDrawn = true;
        finish();
      });
    },
    () => {
      renderFilters();
      updateStepper();
      const place = answer.where === 'worker' ? 'in a worker' : 'on the page';
      setSummary('Inspected ' + plural(text.length, 'character') + ' in ' + formatMs(answer.milliseconds) + ' (' + place + '): ' +
        plural(report.entities.length, 'entity', 'entities') + ', ' + plural(report.figures.length, 'figure') + ', ' +
        plural(report.quotes.length, 'quote') + '.');
    },
    renderEntities,
    renderFigures,
    () => {
      renderQuotes();
      renderSources();
    },
    () => {
      renderChecks();
      renderStats();
    },
  ];
  const next = () => {
    if (generation !== drawing) return;
    steps.shift()();
    if (steps.length > 0) setTimeout(next, 0);
    else {
      panelsDrawn = true;
      finish();
    }
  };
  next();
}

function formatMs(ms) {
  return ms < 10 ? ms.toFixed(1) + ' ms' : Math.round(ms).toLocaleString('en-US') + ' ms';
}

// ---- input: typing, pasting, dropping, opening, example, clear -------------------

// Hides the text box (and shows why) while it would hold a text longer than
// LARGE_EDIT, unless the user asked to edit it; call it before the box gets
// the text, so a hidden box never lays the long text out.
function fitEditor(length) {
  if (length <= LARGE_EDIT) state.editLarge = false;
  const hide = length > LARGE_EDIT && !state.editLarge;
  ui.input.hidden = hide;
  ui.largeNote.hidden = !hide;
  if (hide) {
    ui.largeNoteText.textContent = 'The text has ' + plural(length, 'character') + ': to keep the page quick, the text box is hidden. ' +
      'The highlighted article below shows all of it. Paste or drop to replace it, or Clear.';
  }
}

function replaceSelection(text) {
  const input = ui.input;
  const length = input.value.length - (input.selectionEnd - input.selectionStart) + text.length;
  if (length > LARGE_EDIT) {
    fitEditor(length);
    input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
    scheduleInspection();
    return;
  }
  input.focus();
  // execCommand keeps the edit undoable; for very long text assigning directly is much faster.
  if (text.length > DIRECT_INSERT_LIMIT || !document.execCommand('insertText', false, text)) {
    input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
    scheduleInspection();
  }
}

function setText(text) {
  fitEditor(text.length);
  ui.input.value = text;
  ui.input.setSelectionRange(0, 0);
  ui.input.scrollTop = 0;
  scheduleInspection();
}

// Clipboard HTML (from a web page) becomes clean paragraphs; plain text is
// taken as it is. Either way the page inserts it itself, as text.
function clipboardText(data) {
  const html = data.getData('text/html');
  if (html && html.trim() !== '') return htmlToText(html, new DOMParser());
  return data.getData('text/plain').replace(/\r\n?/g, '\n');
}

function onPaste(event) {
  if (!event.clipboardData) return;
  const types = Array.from(event.clipboardData.types || []);
  if (!types.includes('text/html') && !types.includes('text/plain')) return;
  event.preventDefault();
  const text = clipboardText(event.clipboardData);
  if (event.target === ui.input) replaceSelection(text);
  else setText(text);
}

function readFile(file) {
  const kind = fileKind(file.name, file.type);
  return file.text().then((content) => {
    const text = kind === 'html' ? htmlToText(content, new DOMParser())
      : kind === 'markdown' ? markdownToText(content) : content.replace(/\r\n?/g, '\n');
    setText(text);
    flashStatus('Opened ' + file.name + '.');
  }, (error) => setStatus('Could not read ' + file.name + ': ' + error.message, true));
}

function hasFiles(event) {
  return event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
}

function setUpInput() {
  ui.input.addEventListener('input', scheduleInspection);
  document.addEventListener('paste', (event) => {
    const target = event.target;
    const editable = target === ui.input || (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
    if (target === ui.input || !editable) onPaste(event);
  });
  let dragDepth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    dragDepth++;
    ui.dropOverlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) ui.dropOverlay.hidden = true;
  });
  document.addEventListener('dragover', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    dragDepth = 0;
    ui.dropOverlay.hidden = true;
    if (!hasFiles(event)) return;
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) readFile(file);
  });
  $('open-file').addEventListener('click', () => ui.fileInput.click());
  ui.fileInput.addEventListener('change', () => {
    const file = ui.fileInput.files[0];
    if (file) readFile(file);
    ui.fileInput.value = '';
  });
  $('load-example').addEventListener('click', () => setText(EXAMPLE_ARTICLE));
  $('edit-large').addEventListener('click', () => {
    state.editLarge = true;
    fitEditor(ui.input.value.length);
    ui.input.focus();
  });
  $('clear').addEventListener('click', () => {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      // nothing saved to forget
    }
    clearTimeout(state.saveTimer);
    state.settings = defaultSettings();
    applySettings();
    ui.input.value = '';
    fitEditor(0);
    state.selected = null;
    requestInspectionNow();
    ui.input.focus();
    setStatus('Cleared the text and the saved state.');
  });
}

function requestInspectionNow() {
  clearTimeout(state.debounce);
  requestInspection();
}

// ---- settings: theme, filters, tabs ------------------------------------------

function applySettings() {
  const theme = state.settings.theme;
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  ui.theme.value = ['light', 'dark'].includes(theme) ? theme : 'auto';
  ui.view.dataset.hide = state.settings.hidden.join(' ');
  view.setClutterCollapsed(state.settings.clutterCollapsed);
  selectTab(state.settings.tab, false);
  if (state.report) {
    renderFilters();
    renderFigures();
  }
}

function kindCounts(report) {
  const counts = new Map();
  const add = (kind, n) => counts.set(kind, (counts.get(kind) || 0) + n);
  for (const e of report.entities) add(e.type, e.mentions.length);
  for (const f of report.figures) add(f.kind, 1);
  add('quote', report.quotes.length);
  add('clutter', report.boilerplate.length);
  return counts;
}

let filterSignature = '';

// The legend: one checkbox per kind in the report (entity types always), each
// with a swatch drawn exactly like its highlight.
function renderFilters() {
  const report = state.report;
  const counts = report ? kindCounts(report) : new Map();
  const kinds = [
    ...ENTITY_KINDS.map((k) => ({ ...k, group: 'entity' })),
    ...FIGURE_KINDS.filter((k) => counts.get(k.kind)).map((k) => ({ ...k, group: 'figure' })),
    ...OTHER_KINDS.map((k) => ({ ...k, group: k.kind })),
  ];
  const signature = kinds.map((k) => k.kind).join(' ');
  if (signature !== filterSignature) {
    filterSignature = signature;
    ui.filters.replaceChildren(...kinds.map((k) => h('label', { className: 'filter' },
      h('input', { type: 'checkbox', dataset: { filter: k.kind } }),
      h('span', { className: 'swatch ' + k.group, dataset: { swatch: k.kind, group: k.group } }, k.label),
      h('span', { className: 'count', dataset: { countOf: k.kind } }))));
  }
  for (const box of ui.filters.querySelectorAll('input[data-filter]')) {
    const kind = box.dataset.filter;
    box.checked = kind === 'clutter' ? !state.settings.clutterCollapsed : !state.settings.hidden.includes(kind);
  }
  for (const count of ui.filters.querySelectorAll('[data-count-of]')) {
    count.textContent = '(' + (counts.get(count.dataset.countOf) || 0).toLocaleString('en-US') + ')';
  }
}

function onFilterChange(event) {
  const box = event.target.closest('input[data-filter]');
  if (!box) return;
  const kind = box.dataset.filter;
  if (kind === 'clutter') {
    state.settings.clutterCollapsed = !box.checked;
    view.setClutterCollapsed(state.settings.clutterCollapsed);
  } else {
    const hidden = new Set(state.settings.hidden);
    if (box.checked) hidden.delete(kind);
    else hidden.add(kind);
    state.settings.hidden = [...hidden];
    ui.view.dataset.hide = state.settings.hidden.join(' ');
  }
  saveSoon();
}

const TAB_NAMES = ['entities', 'figures', 'quotes', 'sources', 'checks', 'stats'];

function selectTab(name, focus) {
  if (!TAB_NAMES.includes(name)) name = 'entities';
  for (const tabName of TAB_NAMES) {
    const tab = $('tab-' + tabName);
    const selected = tabName === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    ui.panels[tabName].hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (state.settings.tab !== name) {
    state.settings.tab = name;
    saveSoon();
  }
}

function setUpTabs() {
  const tablist = document.querySelector('[role="tablist"]');
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) selectTab(tab.dataset.tab, true);
  });
  tablist.addEventListener('keydown', (event) => {
    const at = TAB_NAMES.indexOf(state.settings.tab);
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TAB_NAMES.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectTab(TAB_NAMES[(moves[event.key] + TAB_NAMES.length) % TAB_NAMES.length], true);
  });
}

// ---- side panel ---------------------------------------------------------------

function setCount(name, n) {
  $('count-' + name).textContent = n.toLocaleString('en-US');
}

function panelTitle(text) {
  return h('h3', { className: 'panel-title' }, text);
}

// A list that draws LIST_PAGE items and a button for the next page, so a
// report with thousands of items never builds them all at once.
function pagedList(container, items, drawItem) {
  let shown = 0;
  const more = h('button', { type: 'button', className: 'more' });
  const drawMore = () => {
    const next = items.slice(shown, shown + LIST_PAGE);
    const drawn = next.map(drawItem);
    container.append(...drawn);
    shown += next.length;
    more.hidden = shown >= items.length;
    more.textContent = 'Show ' + Math.min(LIST_PAGE, items.length - shown) + ' more of ' + (items.length - shown).toLocaleString('en-US');
    return drawn[0];
  };
  more.addEventListener('click', () => {
    const first = drawMore();
    const button = first && first.querySelector('button');
    if (button) button.focus();
  });
  drawMore();
  return more;
}

function renderEntities() {
  const panel = ui.panels.entities;
  const report = state.report;
  setCount('entities', report.entities.length);
  const parts = [panelTitle('Entities')];
  if (report.entities.length === 0) parts.push(h('p', { className: 'empty' }, 'No names found.'));
  for (const type of ENTITY_KINDS) {
    const entities = report.entities.filter((e) => e.type === type.kind);
    if (entities.length === 0) continue;
    entities.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
    const list = h('ul', { className: 'entity-list', dataset: { type: type.kind } });
    const more = pagedList(list, entities, (entity) => h('li', {},
      h('button', {
        type: 'button', className: 'entity-button', dataset: { entity: entity.id, type: entity.type },
        'aria-pressed': String(Boolean(state.selected && state.selected.id === entity.id)),
        title: 'Mark every mention of ' + entity.name + '; press again for the next one',
      },
      h('span', { className: 'swatch', dataset: { swatch: entity.type, group: 'entity' }, 'aria-hidden': 'true' }, ' '),
      h('span', { className: 'name' }, entity.name,
        entity.roles && entity.roles.length ? h('span', { className: 'roles' }, entity.roles.join(', ')) : null),
      h('span', { className: 'count', 'aria-label': plural(entity.mentions.length, 'mention') }, '×' + entity.mentions.length))));
    parts.push(h('section', { className: 'entity-group', 'aria-label': type.plural },
      h('h3', {}, type.plural + ' (' + entities.length + ')'), list, more));
  }
  panel.replaceChildren(...parts);
}

const FIGURE_COLUMNS = [
  { key: 'start', label: '#', title: 'Sort in text order', value: (f) => f.start },
  { key: 'text', label: 'Text', value: (f) => f.text.toLowerCase() },
  { key: 'kind', label: 'Kind', value: (f) => f.kind },
  { key: 'value', label: 'Value', value: (f) => sortableAmount(f.value) },
  { key: 'unit', label: 'Unit', value: (f) => f.unit || '' },
  { key: 'normalized', label: 'Normalised', value: (f) => (f.normalized ? sortableAmount(f.normalized.value) : -Infinity) },
  { key: 'counted', label: 'Counted', value: (f) => (f.counted || '').toLowerCase() },
];

function sortedFigures() {
  const { column, descending } = state.settings.sort;
  const spec = FIGURE_COLUMNS.find((c) => c.key === column) || FIGURE_COLUMNS[0];
  const rows = state.report.figures.map((figure, index) => ({ figure, index, key: spec.value(figure) }));
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.figure.start - b.figure.start) * (descending ? -1 : 1));
  return rows;
}

function renderFigures() {
  const panel = ui.panels.figures;
  const report = state.report;
  if (!report) return;
  setCount('figures', report.figures.length);
  if (report.figures.length === 0) {
    panel.replaceChildren(panelTitle('Figures'), h('p', { className: 'empty' }, 'No figures found.'));
    return;
  }
  const { column, descending } = state.settings.sort;
  const header = h('tr', {}, FIGURE_COLUMNS.map((c) => h('th', {
    scope: 'col', 'aria-sort': c.key === column ? (descending ? 'descending' : 'ascending') : null,
  }, h('button', { type: 'button', dataset: { sort: c.key }, title: c.title || 'Sort by ' + c.label.toLowerCase() }, c.label))));
  // One <tbody> per figure: its row of values, then its sentence across the table.
  const table = h('table', {},
    h('caption', { className: 'visually-hidden' }, 'Figures, each followed by its sentence; the column buttons sort the table'),
    h('thead', {}, header));
  const more = pagedList(table, sortedFigures(), ({ figure, index }) => h('tbody', { className: 'figure-row' },
    h('tr', { dataset: { figure: String(index) } },
      h('td', { className: 'num' }, String(index + 1)),
      h('td', {}, h('button', { type: 'button', className: 'link-button', dataset: { goFigure: String(index) } }, figure.text)),
      h('td', {}, h('span', { className: 'swatch', dataset: { swatch: figure.kind, group: 'figure' } }, kindLabel(figure.kind))),
      h('td', { className: 'num' }, (figure.approx ? '≈ ' : '') + formatAmount(figure.value)),
      h('td', {}, figure.unit || ''),
      h('td', { className: 'num' }, formatNormalized(figure)),
      h('td', {}, figure.counted || '')),
    h('tr', { className: 'sentence-row' },
      h('td', { colspan: String(FIGURE_COLUMNS.length) }, h('span', { className: 'sentence' }, sentenceAround(state.text, figure.start, figure.end, 200))))));
  panel.replaceChildren(panelTitle('Figures'), h('div', { className: 'table-wrap' }, table), more);
}

function onFigureSort(event) {
  const button = event.target.closest('button[data-sort]');
  if (!button) return;
  const sort = state.settings.sort;
  if (sort.column === button.dataset.sort) sort.descending = !sort.descending;
  else state.settings.sort = { column: button.dataset.sort, descending: false };
  renderFigures();
  ui.panels.figures.querySelector('button[data-sort="' + state.settings.sort.column + '"]').focus();
  saveSoon();
}

function renderQuotes() {
  const panel = ui.panels.quotes;
  const report = state.report;
  setCount('quotes', report.quotes.length);
  if (report.quotes.length === 0) {
    panel.replaceChildren(panelTitle('Quotes'), h('p', { className: 'empty' }, 'No quotations found.'));
    return;
  }
  const list = h('ul', { className: 'plain-list' });
  const more = pagedList(list, report.quotes.map((quote, index) => ({ quote, index })), ({ quote, index }) => {
    const speaker = quote.speaker;
    const speakerEntity = speaker && speaker.entity ? report.entities.find((e) => e.id === speaker.entity) : null;
    return h('li', { className: 'quote-item' },
      h('blockquote', {}, h('button', { type: 'button', className: 'link-button', dataset: { goQuote: String(index) } },
        quote.text.length > 400 ? quote.text.slice(0, 400) + '…' : quote.text)),
      h('p', { className: 'meta' },
        speaker ? (speakerEntity
          ? h('button', { type: 'button', className: 'link-button', dataset: { entity: speakerEntity.id } }, speaker.name)
          : speaker.name) : 'Speaker not identified',
        quote.verb ? ' · ' + quote.verb : '',
        quote.fragment ? ' · fragment' : ''));
  });
  panel.replaceChildren(panelTitle('Quotes'), list, more);
}

function spanButtons(spans, label) {
  return spans.map((span, i) => h('button', {
    type: 'button', className: 'link-button', dataset: { goStart: String(span.start), goEnd: String(span.end) },
    'aria-label': label + ' ' + (i + 1) + ': ' + span.text,
  }, span.text.length > 80 ? span.text.slice(0, 80) + '…' : span.text));
}

function interleave(items, separator) {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

function renderSources() {
  const panel = ui.panels.sources;
  const sources = state.report.sources || [];
  setCount('sources', sources.length);
  if (sources.length === 0) {
    panel.replaceChildren(panelTitle('Sources'), h('p', { className: 'empty' }, 'No attributed sources found.'));
    return;
  }
  const list = h('ul', { className: 'plain-list' });
  const more = pagedList(list, sources, (source) => h('li', { className: 'source-item' },
    h('strong', {}, source.entity
      ? h('button', { type: 'button', className: 'link-button', dataset: { entity: source.entity } }, source.name)
      : source.name),
    h('span', { className: 'meta' }, ' · ' + (source.named ? 'named' : 'anonymous') + ' · ' +
      plural(source.citations.length, 'citation') + ', ' + plural(source.sentences || 0, 'sentence') + ' resting on it'),
    source.citations.length ? h('p', { className: 'meta' }, 'Cited as: ', interleave(spanButtons(source.citations.slice(0, 20), 'Citation'), ' · ')) : null));
  panel.replaceChildren(panelTitle('Sources'), list, more);
}

function renderChecks() {
  const panel = ui.panels.checks;
  const checks = state.report.checks;
  const failed = checks.filter((c) => !c.ok).length;
  setCount('checks', checks.length);
  if (checks.length === 0) {
    panel.replaceChildren(panelTitle('Checks'), h('p', { className: 'empty' }, 'No figures that relate to each other (conversions, changes, repeats) were found to check.'));
    return;
  }
  const list = h('ul', { className: 'plain-list' });
  const sorted = checks.slice().sort((a, b) => Number(a.ok) - Number(b.ok));
  const more = pagedList(list, sorted, (check) => h('li', { className: 'check-item ' + (check.ok ? 'ok' : 'bad') },
    h('p', {}, h('span', { className: 'verdict' }, check.ok ? '✔ Consistent' : '✘ Does not add up'), ' · ', check.kind),
    h('p', {}, check.message),
    h('p', { className: 'explanation' }, checkExplanation(check.kind)),
    check.spans.length ? h('p', { className: 'meta' }, 'Figures: ', interleave(spanButtons(check.spans, 'Figure'), ' · ')) : null));
  panel.replaceChildren(panelTitle('Checks'),
    h('p', {}, plural(checks.length, 'check') + ', ' + failed + ' that ' + (failed === 1 ? 'does' : 'do') + ' not add up.'), list, more);
}

function renderStats() {
  const report = state.report;
  const s = report.stats || {};
  const row = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  const byType = ENTITY_KINDS.map((k) => k.plural + ' ' + report.entities.filter((e) => e.type === k.kind).length).join(', ');
  const layout = report.layout || {};
  const layoutRow = (name, span) => row(name, span ? h('button', {
    type: 'button', className: 'link-button', dataset: { goStart: String(span.start), goEnd: String(span.end) },
  }, span.text) : '—');
  const warnings = report.warnings || [];
  ui.panels.stats.replaceChildren(panelTitle('Statistics'), h('dl', { className: 'stats-list' },
    row('Characters', (s.characters ?? 0).toLocaleString('en-US')),
    row('Words', (s.words ?? 0).toLocaleString('en-US')),
    row('Sentences', (s.sentences ?? 0).toLocaleString('en-US')),
    row('Paragraphs', (s.paragraphs ?? 0).toLocaleString('en-US')),
    row('Reading time', (s.readingMinutes ?? 0) + ' min'),
    row('Entities', report.entities.length + ' (' + byType + ')'),
    row('Figures', String(report.figures.length)),
    row('Quotes', String(report.quotes.length)),
    row('Page clutter', plural(report.boilerplate.length, 'block')),
    layoutRow('Headline', layout.headline),
    layoutRow('Dateline', layout.dateline),
    layoutRow('Byline', layout.byline),
    row('Inspection time', formatMs(state.milliseconds) + (state.where === 'worker' ? ' in a worker' : ' on the page')),
    row('Engine', state.version || '—')),
  warnings.length ? h('section', {}, h('h3', {}, 'Warnings'),
    h('ul', {}, warnings.map((w) => h('li', {}, w.message + ' (' + w.code + ')')))) : null);
}

// ---- navigation: marking entities, jumping to figures, quotes and spans ---------

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

// Glides to nearby targets; jumps to far ones, since gliding past a megabyte
// of text would show (and lay out) every part of it on the way.
function scrollToElement(element) {
  const box = element.getBoundingClientRect();
  const near = Math.abs(box.top) < 2 * window.innerHeight;
  element.scrollIntoView({ block: 'center', behavior: near && !reducedMotion.matches ? 'smooth' : 'auto' });
}

function clearCurrent() {
  if (state.current && state.current.classList) state.current.classList.remove('is-current');
  state.current = null;
  if (window.CSS && CSS.highlights) CSS.highlights.delete('ai-target');
}

function showCurrentElement(element) {
  clearCurrent();
  state.current = element;
  element.classList.add('is-current');
  scrollToElement(element);
  showTooltip(element);
}

// Shows any span of the text: its element when it has one, else a highlight over a Range.
function showSpan(start, end) {
  const range = view.rangeOf(start, end);
  clearCurrent();
  hideTooltip();
  if (!range) return;
  if (window.CSS && CSS.highlights && typeof Highlight === 'function') CSS.highlights.set('ai-target', new Highlight(range));
  const holder = range.startContainer.parentElement;
  if (holder) scrollToElement(holder);
}

function entityById(id) {
  return state.report ? state.report.entities.find((e) => e.id === id) : null;
}

function selectEntity(id, index) {
  const entity = entityById(id);
  if (!entity) return;
  state.selected = { id, index: index || 0 };
  view.selectEntity(id);
  for (const button of document.querySelectorAll('.entity-button')) {
    button.setAttribute('aria-pressed', String(button.dataset.entity === id));
  }
  goToMention();
}

function goToMention() {
  const entity = state.selected && entityById(state.selected.id);
  if (!entity) return;
  const mention = entity.mentions[state.selected.index];
  const element = view.elementAt('entity', entity.id, mention.start, state.selected.index);
  if (element) showCurrentElement(element);
  else showSpan(mention.start, mention.end);
  updateStepper();
}

function step(delta) {
  const entity = state.selected && entityById(state.selected.id);
  if (!entity) return;
  const n = entity.mentions.length;
  state.selected.index = (state.selected.index + delta + n) % n;
  goToMention();
}

function clearSelection() {
  state.selected = null;
  view.selectEntity(null);
  clearCurrent();
  hideTooltip();
  for (const button of document.querySelectorAll('.entity-button[aria-pressed="true"]')) button.setAttribute('aria-pressed', 'false');
  updateStepper();
}

function updateStepper() {
  const entity = state.selected && entityById(state.selected.id);
  ui.stepper.hidden = !entity;
  if (!entity) return;
  ui.stepperLabel.textContent = entity.name + ': mention ' + (state.selected.index + 1) + ' of ' + entity.mentions.length;
}

function onNavigate(event) {
  const target = event.target.closest('button');
  if (!target) return;
  const data = target.dataset;
  if (data.entity !== undefined && target.closest('.panel')) {
    const same = state.selected && state.selected.id === data.entity;
    if (same) step(1);
    else selectEntity(data.entity, 0);
  } else if (data.goFigure !== undefined) {
    const index = Number(data.goFigure);
    const figure = state.report.figures[index];
    const element = view.elementAt('figure', index, figure.start);
    if (element) showCurrentElement(element);
    else showSpan(figure.start, figure.end);
  } else if (data.goQuote !== undefined) {
    const index = Number(data.goQuote);
    const quote = state.report.quotes[index];
    const element = view.elementAt('quote', index, quote.start);
    if (element) showCurrentElement(element);
    else showSpan(quote.start, quote.end);
    hideTooltip();
  } else if (data.goStart !== undefined) {
    showSpan(Number(data.goStart), Number(data.goEnd));
  }
}

// ---- tooltip ---------------------------------------------------------------------

function tooltipRows(mark) {
  const rows = [];
  const add = (term, value) => {
    if (value !== undefined && value !== null && value !== '') rows.push([term, String(value)]);
  };
  if (mark.dataset.entity !== undefined) {
    const entity = entityById(mark.dataset.entity);
    if (!entity) return null;
    add('Name', entity.name);
    add('Roles', (entity.roles || []).join(', '));
    add('Mentions', entity.mentions.length);
    return { title: kindLabel(entity.type), rows, hint: 'Click to mark every mention' };
  }
  const figure = state.report.figures[Number(mark.dataset.figure)];
  if (!figure) return null;
  add('Text', figure.text);
  add('Value', (figure.approx ? '≈ ' : '') + formatAmount(figure.value) + (figure.unit ? ' ' + figure.unit : ''));
  add('Normalised', formatNormalized(figure));
  add('Counted', figure.counted);
  add('Qualifier', figure.qualifier);
  add('Date', figure.date);
  return { title: kindLabel(figure.kind), rows };
}

function showTooltip(mark) {
  if (!mark || mark.tagName !== 'MARK' || !state.report) return;
  const content = tooltipRows(mark);
  if (!content) return;
  const tip = ui.tooltip;
  tip.replaceChildren(h('div', { className: 'tip-title' }, content.title),
    h('dl', {}, content.rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    content.hint ? h('div', { className: 'hint-line' }, content.hint) : null);
  tip.hidden = false;
  const rect = mark.getBoundingClientRect();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
  const below = rect.bottom + 6;
  const top = below + height > window.innerHeight && rect.top - height - 6 > 0 ? rect.top - height - 6 : below;
  tip.style.left = Math.round(left + window.scrollX) + 'px';
  tip.style.top = Math.round(top + window.scrollY) + 'px';
  mark.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip() {
  ui.tooltip.hidden = true;
  for (const mark of ui.view.querySelectorAll('mark[aria-describedby]')) mark.removeAttribute('aria-describedby');
}

function setUpView() {
  ui.view.addEventListener('mouseover', (event) => {
    const mark = event.target.closest('mark');
    if (mark) showTooltip(mark);
  });
  ui.view.addEventListener('mouseout', (event) => {
    const mark = event.target.closest('mark');
    if (mark && !mark.contains(event.relatedTarget)) hideTooltip();
  });
  ui.view.addEventListener('click', (event) => {
    const toggle = event.target.closest('.clutter-toggle');
    if (toggle) {
      const index = Number(toggle.dataset.clutterToggle);
      view.setClutterCollapsed(toggle.getAttribute('aria-expanded') === 'true', index);
      return;
    }
    const mark = event.target.closest('mark[data-entity]');
    if (mark) selectEntity(mark.dataset.entity, Number(mark.dataset.mention));
  });
}

// ---- export --------------------------------------------------------------------

function exportContent(format) {
  if (!state.report) return null;
  if (format === 'json') return { text: JSON.stringify(state.report, null, 2), type: 'application/json', name: 'article-report.json' };
  if (format === 'csv') return { text: figuresCsv(state.text, state.report), type: 'text/csv', name: 'article-figures.csv' };
  return { text: markdownSummary(state.text, state.report), type: 'text/markdown', name: 'article-summary.md' };
}

function download(content) {
  const url = URL.createObjectURL(new Blob([content.text], { type: content.type + ';charset=utf-8' }));
  const link = h('a', { href: url, download: content.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function copyText(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).catch(() => copyWithSelection(text));
  }
  return copyWithSelection(text);
}

// The older path, for pages where the async clipboard is not allowed.
function copyWithSelection(text) {
  const area = h('textarea', { readonly: true, className: 'visually-hidden', 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error('the browser refused to copy'));
}

function setUpExport() {
  ui.exportMenu.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-export]');
    if (!button) return;
    const content = exportContent(button.dataset.export);
    ui.exportMenu.open = false;
    ui.exportMenu.querySelector('summary').focus();
    if (!content) {
      flashStatus('Nothing to export yet: paste an article first.');
      return;
    }
    if (button.dataset.action === 'download') {
      download(content);
      flashStatus('Saved ' + content.name + '.');
    } else {
      copyText(content.text).then(() => flashStatus('Copied to the clipboard.'),
        (error) => setStatus('Could not copy: ' + error.message, true));
    }
  });
  $('print').addEventListener('click', () => {
    ui.exportMenu.open = false;
    window.print();
  });
  // The print view needs the whole article in the document, however it is started.
  window.addEventListener('beforeprint', () => view.showAll());
  ui.exportMenu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && ui.exportMenu.open) {
      ui.exportMenu.open = false;
      ui.exportMenu.querySelector('summary').focus();
    }
  });
}

// ---- keyboard shortcuts ----------------------------------------------------------

function setUpKeys() {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === 'Escape') {
      if (!ui.tooltip.hidden || state.selected) {
        clearSelection();
        event.preventDefault();
      }
    } else if (state.selected && (event.key === 'n' || event.key === 'p')) {
      step(event.key === 'n' ? 1 : -1);
      event.preventDefault();
    }
  });
}

// ---- start -------------------------------------------------------------------------

function start() {
  const saved = loadSaved();
  if (saved) {
    state.settings = saved.settings;
    fitEditor(saved.text.length);
    ui.input.value = saved.text;
  }
  applySettings();
  ui.theme.addEventListener('change', () => {
    state.settings.theme = ui.theme.value;
    applySettings();
    saveSoon();
  });
  ui.filters.addEventListener('change', onFilterChange);
  ui.panels.figures.addEventListener('click', onFigureSort);
  document.querySelector('.panel').addEventListener('click', onNavigate);
  $('step-prev').addEventListener('click', () => step(-1));
  $('step-next').addEventListener('click', () => step(1));
  $('step-clear').addEventListener('click', clearSelection);
  window.addEventListener('beforeunload', save);
  setUpInput();
  setUpTabs();
  setUpView();
  setUpExport();
  setUpKeys();
  startEngine();
}

start();
