// render.js — the article view: the inspected text with every entity
// mention and figure in a <mark data-kind="...">, quotes and page clutter
// around them, built from DOM nodes and textContent only (the text is data,
// never markup).
//
//   const view = new ArticleView(document.getElementById('view'));
//   view.show(text, report);            // renders progressively, in slices
//   view.elementAt('entity', 'e3', 0);  // the first mention's <mark>
//   view.rangeOf(120, 134);             // a DOM Range over any span
//
// The text is split into blocks at blank lines (and long blocks at spaces),
// each a <p>, grouped BLOCKS_PER_CHUNK to a <div class="chunk">. Blocks are
// built a few milliseconds at a time, off the document; a chunk's blocks are
// put into the document only while the chunk is on or near the screen (an
// IntersectionObserver watches the chunks), and an empty chunk keeps its
// height. So the document holds a few hundred elements whatever the length
// of the text, and nothing the page does with a megabyte of text costs more
// than with a page of it. Anything that needs a part not yet built or shown
// (a jump, a citation, printing) builds and shows it first.
//
// Find-in-page therefore sees only the text near the screen; the side panel
// lists every item instead.

const BLOCK_SEPARATOR = /\n[ \t\u00a0]*\n\s*/g;
const MAX_BLOCK_LENGTH = 4000;
const SLICE_MILLISECONDS = 8;
const BLOCKS_PER_CHUNK = 32;
// A chunk's height until it is first shown: lines of ~ESTIMATED_CHARACTER_PIXELS
// wide characters across the view, ESTIMATED_LINE_PIXELS apart.
const ESTIMATED_CHARACTER_PIXELS = 8.5;
const ESTIMATED_LINE_PIXELS = 29.4;
const ESTIMATED_BLOCK_GAP_PIXELS = 15;
// Chunks within this distance of the screen are shown.
const SHOW_MARGIN = '150% 0px';

// Layers nest outermost first: clutter contains quotes contains marks.
const LAYER_CLUTTER = 0;
const LAYER_QUOTE = 1;
const LAYER_MARK = 2;

// Splits `text` into [start, end) blocks without their separating blank lines.
function splitBlocks(text) {
  const blocks = [];
  const push = (start, end) => {
    while (end - start > MAX_BLOCK_LENGTH) {
      const limit = start + MAX_BLOCK_LENGTH;
      let cut = text.lastIndexOf(' ', limit);
      if (cut <= start) cut = limit;
      // Never cut a surrogate pair apart.
      if (/[\ud800-\udbff]/.test(text[cut - 1] || '')) cut++;
      blocks.push([start, cut]);
      start = cut;
    }
    if (end > start) blocks.push([start, end]);
  };
  let at = 0;
  BLOCK_SEPARATOR.lastIndex = 0;
  for (let match; (match = BLOCK_SEPARATOR.exec(text)) !== null;) {
    push(at, match.index);
    at = match.index + match[0].length;
  }
  push(at, text.length);
  return blocks;
}

// Keeps spans that start at or after the end of the previous kept one:
// sorted by start, longest first, so a long span wins over one inside it.
function dropOverlaps(items) {
  items.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let covered = 0;
  for (const item of items) {
    if (item.end <= item.start || item.start < covered) continue;
    kept.push(item);
    covered = item.end;
  }
  return kept;
}

// Everything the view draws, flattened and sorted for the block walk.
function layoutItems(report, textLength) {
  const valid = (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= textLength;
  const clutter = dropOverlaps((report.boilerplate || []).filter(valid).map((b, index) =>
    ({ layer: LAYER_CLUTTER, start: b.start, end: b.end, index, reason: b.reason })));
  const quotes = dropOverlaps((report.quotes || []).filter(valid).map((q, index) =>
    ({ layer: LAYER_QUOTE, start: q.start, end: q.end, index })));
  const marks = [];
  (report.entities || []).forEach((entity) => {
    entity.mentions.forEach((m, mention) => {
      if (valid(m)) marks.push({ layer: LAYER_MARK, start: m.start, end: m.end, kind: entity.type, entity: entity.id, mention });
    });
  });
  (report.figures || []).forEach((f, index) => {
    if (valid(f)) marks.push({ layer: LAYER_MARK, start: f.start, end: f.end, kind: f.kind, figure: index });
  });
  const items = [...clutter, ...quotes, ...dropOverlaps(marks)];
  items.sort((a, b) => a.start - b.start || a.layer - b.layer || b.end - a.end);
  return items;
}

class ArticleView {
  constructor(root) {
    this.root = root;
    this.text = '';
    this.blocks = [];
    this.items = [];
    this.chunks = [];
    this.selectedEntity = null;
    this.collapsedClutter = false;
    this.timer = null;
    this.onComplete = null;
    this.observer = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: SHOW_MARGIN })
      : null;
    this.reset();
  }

  reset() {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.observer) this.observer.disconnect();
    this.timer = null;
    this.nextBlock = 0;
    this.nextItem = 0;
    this.paragraphs = [];
    this.chunks = [];
    this.carried = [];
    this.elements = { entity: new Map(), figure: new Map(), quote: new Map(), clutter: new Map() };
  }

  // Replaces the view with `text` highlighted by `report`. Builds the chunks
  // that were on screen before (the first one the first time) now, the rest
  // in later tasks; `onComplete` runs once every block is built.
  show(text, report, onComplete) {
    const wasShown = this.chunks.filter((chunk) => chunk.wanted).map((chunk) => chunk.index);
    this.reset();
    this.text = text;
    this.blocks = splitBlocks(text);
    this.items = layoutItems(report, text.length);
    this.onComplete = onComplete || null;
    const charactersPerLine = Math.max(20, Math.floor((this.root.clientWidth || 700) / ESTIMATED_CHARACTER_PIXELS));
    for (let first = 0; first < this.blocks.length; first += BLOCKS_PER_CHUNK) {
      const last = Math.min(first + BLOCKS_PER_CHUNK, this.blocks.length);
      let height = 0;
      for (let b = first; b < last; b++) {
        const [start, end] = this.blocks[b];
        height += Math.ceil((end - start) / charactersPerLine) * ESTIMATED_LINE_PIXELS + ESTIMATED_BLOCK_GAP_PIXELS;
      }
      const element = document.createElement('div');
      element.className = 'chunk';
      element.style.height = Math.round(height) + 'px';
      this.chunks.push({ index: this.chunks.length, element, first, last, paragraphs: [], wanted: false, shown: false });
    }
    for (const index of wasShown.length ? wasShown : [0]) {
      if (index < this.chunks.length) this.chunks[index].wanted = true;
    }
    this.root.replaceChildren(...this.chunks.map((chunk) => chunk.element));
    this.root.setAttribute('aria-busy', 'true');
    // Build what is on screen at once, so a re-inspection never blanks the view.
    const lastWanted = this.chunks.reduce((last, chunk) => (chunk.wanted ? chunk.last : last), 0);
    const deadline = performance.now() + 2 * SLICE_MILLISECONDS;
    while (this.nextBlock < lastWanted && performance.now() < deadline) this.appendBlock();
    if (this.observer) for (const chunk of this.chunks) this.observer.observe(chunk.element);
    this.renderSlice();
  }

  get complete() {
    return this.nextBlock >= this.blocks.length;
  }

  renderSlice() {
    this.timer = null;
    const deadline = performance.now() + SLICE_MILLISECONDS;
    while (!this.complete && performance.now() < deadline) {
      for (let i = 0; i < 8 && !this.complete; i++) this.appendBlock();
    }
    if (this.complete) {
      this.root.setAttribute('aria-busy', 'false');
      if (this.onComplete) this.onComplete();
    } else {
      this.timer = setTimeout(() => this.renderSlice(), 0);
    }
  }

  // Builds blocks synchronously until the one holding `offset` exists, and
  // shows its chunk.
  renderThrough(offset) {
    while (!this.complete && this.blocks[this.nextBlock][0] <= offset) this.appendBlock();
    if (this.complete && this.timer !== null) {
      clearTimeout(this.timer);
      this.renderSlice();
    }
    const chunk = this.chunkAt(offset);
    if (chunk) this.showChunk(chunk);
  }

  // Shows every chunk (for printing).
  showAll() {
    this.renderThrough(Infinity);
    for (const chunk of this.chunks) this.showChunk(chunk);
  }

  // The chunk holding text offset `offset` (the last one starting at or before it).
  chunkAt(offset) {
    let low = 0;
    let high = this.chunks.length - 1;
    if (high < 0) return null;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.blocks[this.chunks[mid].first][0] <= offset) low = mid;
      else high = mid - 1;
    }
    return this.chunks[low];
  }

  // Builds the next block into its chunk; a chunk that is wanted on screen
  // is shown as soon as its last block exists.
  appendBlock() {
    const chunk = this.chunks[Math.floor(this.nextBlock / BLOCKS_PER_CHUNK)];
    const paragraph = this.buildBlock();
    this.paragraphs.push(paragraph);
    chunk.paragraphs.push(paragraph);
    if (chunk.wanted && chunk.paragraphs.length === chunk.last - chunk.first) this.showChunk(chunk);
  }

  showChunk(chunk) {
    if (chunk.shown || chunk.paragraphs.length < chunk.last - chunk.first) return;
    chunk.element.append(...chunk.paragraphs);
    chunk.element.style.height = '';
    chunk.shown = true;
  }

  hideChunk(chunk) {
    if (!chunk.shown) return;
    // Keep its place: the height it had on screen.
    chunk.element.style.height = chunk.element.offsetHeight + 'px';
    chunk.element.replaceChildren();
    chunk.shown = false;
  }

  onIntersection(entries) {
    for (const entry of entries) {
      const chunk = this.chunks.find((c) => c.element === entry.target);
      if (!chunk) continue;
      chunk.wanted = entry.isIntersecting;
      if (chunk.wanted) this.showChunk(chunk);
      else this.hideChunk(chunk);
    }
  }

  // Builds the next block: a <p> holding its text with the pieces of every
  // item that overlaps it nested inside.
  buildBlock() {
    const [blockStart, blockEnd] = this.blocks[this.nextBlock++];
    const paragraph = document.createElement('p');
    paragraph.dataset.start = String(blockStart);
    // Items that began in an earlier block and go on into this one, then new ones.
    const pieces = [];
    const carried = [];
    for (const item of this.carried) {
      if (item.end > blockStart) pieces.push(item);
    }
    while (this.nextItem < this.items.length && this.items[this.nextItem].start < blockEnd) {
      pieces.push(this.items[this.nextItem++]);
    }
    pieces.sort((a, b) => Math.max(a.start, blockStart) - Math.max(b.start, blockStart) || a.layer - b.layer || b.end - a.end);

    const text = this.text;
    const stack = [{ content: paragraph, end: blockEnd }];
    let at = blockStart;
    const emit = (until) => {
      if (until > at) {
        stack[stack.length - 1].content.append(text.slice(at, until));
        at = until;
      }
    };
    for (const item of pieces) {
      const start = Math.max(item.start, blockStart);
      if (item.end <= blockStart) continue;
      while (stack.length > 1 && stack[stack.length - 1].end <= start) {
        emit(stack[stack.length - 1].end);
        stack.pop();
      }
      emit(start);
      // A piece that would cross its container's end is cut there.
      const end = Math.min(item.end, stack[stack.length - 1].end);
      if (item.end > blockEnd) carried.push(item);
      if (end <= start) continue;
      const made = this.makeElement(item, item.start >= blockStart);
      made.element.dataset.start = String(start);
      stack[stack.length - 1].content.append(made.element);
      stack.push({ content: made.content, end });
    }
    while (stack.length > 1) {
      emit(stack[stack.length - 1].end);
      stack.pop();
    }
    emit(blockEnd);
    this.carried = carried;
    return paragraph;
  }

  register(group, key, element) {
    const list = this.elements[group].get(key);
    if (list) list.push(element);
    else this.elements[group].set(key, [element]);
  }

  makeElement(item, isFirstPiece) {
    if (item.layer === LAYER_MARK) {
      const mark = document.createElement('mark');
      mark.dataset.kind = item.kind;
      mark.dataset.group = item.entity !== undefined ? 'entity' : 'figure';
      if (item.entity !== undefined) {
        mark.dataset.entity = item.entity;
        mark.dataset.mention = String(item.mention);
        if (item.entity === this.selectedEntity) mark.classList.add('is-marked');
        this.register('entity', item.entity, mark);
      } else {
        mark.dataset.figure = String(item.figure);
        this.register('figure', item.figure, mark);
      }
      return { element: mark, content: mark };
    }
    if (item.layer === LAYER_QUOTE) {
      const quote = document.createElement('span');
      quote.className = 'quote';
      quote.dataset.quote = String(item.index);
      this.register('quote', item.index, quote);
      return { element: quote, content: quote };
    }
    const clutter = document.createElement('span');
    clutter.className = 'clutter';
    if (this.collapsedClutter) clutter.classList.add('collapsed');
    clutter.dataset.clutter = String(item.index);
    if (isFirstPiece) {
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'clutter-toggle';
      toggle.dataset.skip = '';
      toggle.dataset.clutterToggle = String(item.index);
      toggle.setAttribute('aria-expanded', String(!this.collapsedClutter));
      toggle.textContent = 'clutter' + (item.reason ? ': ' + item.reason : '');
      toggle.title = 'Page clutter, not article text. Show or hide it.';
      clutter.append(toggle);
    }
    const body = document.createElement('span');
    body.className = 'clutter-body';
    clutter.append(body);
    this.register('clutter', item.index, clutter);
    return { element: clutter, content: body };
  }

  // The element of the `index`-th piece of an item ('entity' with its id and
  // mention number, 'figure' or 'quote' with its index), building the view
  // up to `offset` first. Null when the item is not drawn (it overlapped another).
  elementAt(group, key, offset, mention) {
    this.renderThrough(offset);
    const list = this.elements[group].get(key) || [];
    if (group !== 'entity') return list[0] || null;
    return list.find((element) => element.dataset.mention === String(mention)) || null;
  }

  // Marks every mention of entity `id` (null clears the marks).
  selectEntity(id) {
    for (const element of this.elements.entity.get(this.selectedEntity) || []) element.classList.remove('is-marked', 'is-current');
    this.selectedEntity = id;
    for (const element of this.elements.entity.get(id) || []) element.classList.add('is-marked');
  }

  setClutterCollapsed(collapsed, index) {
    if (index === undefined) this.collapsedClutter = collapsed;
    const groups = index === undefined ? [...this.elements.clutter.values()] : [this.elements.clutter.get(index) || []];
    for (const list of groups) {
      for (const element of list) {
        element.classList.toggle('collapsed', collapsed);
        const toggle = element.querySelector(':scope > .clutter-toggle');
        if (toggle) toggle.setAttribute('aria-expanded', String(!collapsed));
      }
    }
  }

  // A DOM Range over [start, end) of the text, building and showing the view that far.
  rangeOf(start, end) {
    this.renderThrough(end);
    const first = this.chunkAt(start);
    const last = this.chunkAt(end);
    if (!first) return null;
    for (let i = first.index; i <= last.index; i++) this.showChunk(this.chunks[i]);
    const paragraphs = this.paragraphs;
    // The last block starting at or before `start` (blocks are in text order).
    let low = 0;
    let high = paragraphs.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (Number(paragraphs[mid].dataset.start) <= start) low = mid;
      else high = mid - 1;
    }
    if (paragraphs.length === 0) return null;
    const range = document.createRange();
    let startSet = false;
    for (let p = low; p < paragraphs.length; p++) {
      const walker = document.createTreeWalker(paragraphs[p], NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (node) => (node.nodeType === 1 && node.hasAttribute('data-skip') ? NodeFilter.FILTER_REJECT
          : node.nodeType === 1 ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT),
      });
      let position = Number(paragraphs[p].dataset.start);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.nodeValue.length;
        if (!startSet && start < position + length) {
          range.setStart(node, Math.max(0, start - position));
          startSet = true;
        }
        if (startSet && end <= position + length) {
          range.setEnd(node, Math.max(0, end - position));
          return range;
        }
        position += length;
      }
    }
    return startSet ? range : null;
  }
}

if (typeof module !== 'undefined' && module.exports) module.exports = { ArticleView, splitBlocks, layoutItems };
