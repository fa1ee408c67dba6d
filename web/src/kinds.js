// kinds.js — the kinds of highlight the page knows, with the words it uses
// for them. The style of each kind (colour and line style) is in style.css
// under the same name, so the legend, the text and the filters agree.

const ENTITY_KINDS = [
  { kind: 'person', label: 'Person', plural: 'People' },
  { kind: 'organization', label: 'Organisation', plural: 'Organisations' },
  { kind: 'location', label: 'Place', plural: 'Places' },
  { kind: 'misc', label: 'Other name', plural: 'Other names' },
];

const FIGURE_KINDS = [
  { kind: 'count', label: 'Count' },
  { kind: 'money', label: 'Money' },
  { kind: 'percent', label: 'Percent' },
  { kind: 'measure', label: 'Measure' },
  { kind: 'date', label: 'Date' },
  { kind: 'time', label: 'Time' },
  { kind: 'duration', label: 'Duration' },
  { kind: 'ordinal', label: 'Ordinal' },
  { kind: 'age', label: 'Age' },
  { kind: 'ratio', label: 'Ratio' },
  { kind: 'range', label: 'Range' },
  { kind: 'number', label: 'Number' },
];

// Layers that are not names or figures but still switch on and off.
const OTHER_KINDS = [
  { kind: 'quote', label: 'Quote' },
  { kind: 'clutter', label: 'Page clutter' },
];

const KIND_LABELS = Object.fromEntries([...ENTITY_KINDS, ...FIGURE_KINDS, ...OTHER_KINDS].map((k) => [k.kind, k.label]));

function kindLabel(kind) {
  return KIND_LABELS[kind] || String(kind);
}

// What each kind of check verifies, for the Checks panel.
const CHECK_EXPLANATIONS = {
  'unit-conversion': 'The article gives one quantity in two units; the converted values are compared.',
  'change': 'The article states a change between two figures; the stated change is recomputed from its endpoints.',
  'repeated-figure': 'The same quantity appears more than once; the repetitions are compared.',
  'sum': 'Parts are stated together with their total; the parts are added up.',
};

function checkExplanation(kind) {
  return CHECK_EXPLANATIONS[kind] || 'A relation between figures that the inspector recomputed.';
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = { ENTITY_KINDS, FIGURE_KINDS, OTHER_KINDS, kindLabel, checkExplanation };
}
