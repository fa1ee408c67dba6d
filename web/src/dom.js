// dom.js — builds elements from data without ever parsing markup.
//
//   h('button', { type: 'button', dataset: { entity: 'e1' }, onclick: go }, 'Luca Pichler', h('span', {}, '3'))
//
// Strings become text nodes, so user text can never turn into elements or
// attributes; attribute names are only ever ours.

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'className') element.className = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  appendChildren(element, children);
  return element;
}

function appendChildren(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) appendChildren(element, child);
    else if (typeof child === 'object' && child.nodeType) element.append(child);
    else element.append(String(child));
  }
}

if (typeof module !== 'undefined' && module.exports) module.exports = { h };
