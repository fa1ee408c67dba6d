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
// each a <p> with `content-visibility: auto`, so the browser lays out only
// what is on screen. Blocks are built a few milliseconds at a time so a
// megabyte of text never holds the main thread for long; anything that needs
// a block not yet built (a jump, a citation) builds up to it first.

const BLOCK_SEPARATOR = /\n[ \t\u00a0]*\n\s*/g;
const MAX_BLOCK_LENGTH = 4000;
const SLICE_MILLISECONDS = 10;

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
    this.selectedEntity = null;
    this.collapsedClutter = false;
    this.timer = null;
    this.onComplete = null;
    this.reset();
  }

  reset() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.nextBlock = 0;
    this.nextItem = 0;
    this.carried = [];
    this.elements = { entity: new Map(), figure: new Map(), quote: new Map(), clutter: new Map() };
  }

  // Replaces the view with `text` highlighted by `report`. Renders the first
  // slice now and the rest in later tasks; `onComplete` runs at the end.
  show(text, report, onComplete) {
    this.reset();
    this.text = text;
    this.blocks = splitBlocks(text);
    this.items = layoutItems(report, text.length);
    this.onComplete = onComplete || null;
    this.root.replaceChildren();
    this.root.setAttribute('aria-busy', 'true');
    this.renderSlice();
  }

  get complete() {
    return this.nextBlock >= this.blocks.length;
  }

  renderSlice() {
    this.timer = null;
    const deadline = performance.now() + SLICE_MILLISECONDS;
    const fragment = document.createDocumentFragment();
    while (!this.complete && performance.now() < deadline) {
      for (let i = 0; i < 16 && !this.complete; i++) fragment.append(this.buildBlock());
    }
    this.root.append(fragment);
    if (this.complete) {
      this.root.setAttribute('aria-busy', 'false');
      if (this.onComplete) this.onComplete();
    } else {
      this.timer = setTimeout(() => this.renderSlice(), 0);
    }
  }

  // Builds blocks synchronously until the one holding `offset` exists.
  renderThrough(offset) {
    if (this.complete) return;
    const fragment = document.createDocumentFragment();
    while (!this.complete && this.blocks[this.nextBlock][0] <= offset) fragment.append(this.buildBlock());
    this.root.append(fragment);
    if (this.complete && this.timer !== null) {
      clearTimeout(this.timer);
      this.renderSlice();
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

  // A DOM Range over [start, end) of the text, building the view that far.
  rangeOf(start, end) {
    this.renderThrough(end);
    const paragraphs = this.root.children;
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
    let position = Number(paragraphs[low].dataset.start);
    let startSet = false;
    for (let p = low; p < paragraphs.length; p++) {
      const walker = document.createTreeWalker(paragraphs[p], NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (node) => (node.nodeType === 1 && node.hasAttribute('data-skip') ? NodeFilter.FILTER_REJECT
          : node.nodeType === 1 ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT),
      });
      position = Number(paragraphs[p].dataset.start);
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
