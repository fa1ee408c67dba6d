// text-import.js — turns pasted or dropped HTML and Markdown into plain text
// with its paragraphs, without ever rendering the foreign markup.
//
//   htmlToText(html, new DOMParser())  -> "Headline\n\nFirst paragraph..."
//   markdownToText("# Title\n\n**Bold** [link](http://x)")  -> "Title\n\nBold link"
//
// Why DOMParser: a document it creates has no browsing context, so nothing in
// it runs or loads — scripts are inert, <img> and CSS url() fetch nothing,
// event handler attributes never fire. We only walk its text nodes; no node
// of it is ever adopted into the live page.

// Elements whose text is not article text.
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'EMBED',
  'SVG', 'CANVAS', 'AUDIO', 'VIDEO', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA',
]);

// Elements that start and end a paragraph of their own.
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL', 'BODY', 'HTML',
]);

// Table cells are separated by a tab so rows stay one line.
const CELL_ELEMENTS = new Set(['TD', 'TH']);

// Collapses runs of whitespace inside a paragraph and trims each paragraph;
// paragraphs are separated by exactly one blank line.
function joinParagraphs(paragraphs) {
  const cleaned = [];
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim());
    const text = lines.filter((line) => line !== '').join('\n');
    if (text !== '') cleaned.push(text);
  }
  return cleaned.join('\n\n');
}

// Walks `root` iteratively (a pasted page can nest deeper than the JS stack
// allows) and collects its text as paragraphs.
function collectParagraphs(root) {
  const paragraphs = [];
  let current = '';
  const breakParagraph = () => {
    if (current.trim() !== '') paragraphs.push(current);
    current = '';
  };
  // Each stack entry is a node to enter, or a marker closing a block element.
  const stack = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === CLOSE_BLOCK) {
      breakParagraph();
      continue;
    }
    if (item === CLOSE_CELL) {
      current += '\t';
      continue;
    }
    const node = item;
    if (node.nodeType === 3 /* text */) {
      current += node.nodeValue.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 /* element */ && node.nodeType !== 9 /* document */ && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? node.tagName.toUpperCase() : '';
    if (SKIPPED_ELEMENTS.has(tag)) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    if (tag === 'IMG') {
      // The alt text is what a reader of the page would get in its place; the
      // image itself was never fetched.
      const alt = node.getAttribute('alt');
      if (alt) current += alt;
      continue;
    }
    const isBlock = BLOCK_ELEMENTS.has(tag);
    if (isBlock) {
      breakParagraph();
      stack.push(CLOSE_BLOCK);
    } else if (CELL_ELEMENTS.has(tag)) {
      stack.push(CLOSE_CELL);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  breakParagraph();
  return paragraphs;
}
const CLOSE_BLOCK = { close: 'block' };
const CLOSE_CELL = { close: 'cell' };

// Returns the text of an HTML string (a web page or a clipboard fragment) as
// paragraphs separated by blank lines. `parser` is a DOMParser.
function htmlToText(html, parser) {
  const doc = parser.parseFromString(String(html), 'text/html');
  return joinParagraphs(collectParagraphs(doc.body || doc.documentElement || doc));
}

// Returns Markdown as the text a reader sees: heading marks, emphasis, link
// targets, image syntax, list bullets and code fences removed; paragraphs kept.
function markdownToText(markdown) {
  return String(markdown)
    .replace(/\r\n?/g, '\n')
    .replace(/^```.*$/gm, '')
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1')
    .replace(/^ {0,3}>[ \t]?/gm, '')
    .replace(/^ {0,3}(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^([ \t]*)[-*+][ \t]+/gm, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_\n]+?)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]+?)\2(?!\w)/g, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Picks the converter for a dropped or opened file by its name and type.
function fileKind(name, type) {
  const lower = String(name).toLowerCase();
  if (/\.html?$/.test(lower) || type === 'text/html') return 'html';
  if (/\.(md|markdown)$/.test(lower) || type === 'text/markdown') return 'markdown';
  return 'text';
}

if (typeof module !== 'undefined' && module.exports) module.exports = { htmlToText, markdownToText, fileKind };
