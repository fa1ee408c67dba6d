'use strict';
// corpus.js — the benchmark's articles: the BBC corpus in ../shared when it is
// there (AI_SHARED_DIR overrides where ../shared is), otherwise a generated
// corpus of news-like articles written to build/bench/generated/ so the
// native tool reads the very same files.
//
//   const { locateCorpus } = require('./corpus');
//   const { dir, files, generated } = locateCorpus();
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function listTextFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTextFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.txt') && entry.name !== 'README.TXT') out.push(full);
  }
  return out;
}

// A small deterministic generator (mulberry32), so every run sees the same text.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amira', 'Jonas', 'Priya', 'Tomasz', 'Helen', 'Kwame', 'Lucia', 'Owen', 'Mei', 'Rafael', 'Ingrid', 'Samuel'];
const LAST = ['Haddad', 'Berger', 'Raman', 'Kowalski', 'Marsh', 'Mensah', 'Ferreira', 'Pryce', 'Lin', 'Ortega', 'Dahl', 'Okoro'];
const ROLES = ['Finance Minister', 'chief executive', 'Mayor', 'spokeswoman', 'Professor', 'union leader', 'President'];
const PLACES = ['Leeds', 'Lagos', 'Gdansk', 'Quebec', 'Porto', 'Nairobi', 'Osaka', 'Valparaiso', 'Tromso', 'Cardiff'];
const ORGS = ['the Central Bank', 'Northwind Rail', 'the Health Ministry', 'Harbour Energy plc', 'the city council',
  'Greyfield University', 'the World Food Programme', 'Atlas Motors'];
const THINGS = ['jobs', 'homes', 'passengers', 'schools', 'beds', 'flights', 'workers', 'farms'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function generateArticle(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const capitalised = (s) => s[0].toUpperCase() + s.slice(1);
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const place = pick(PLACES);
  const sentences = [
    () => `${capitalised(pick(ORGS))} said on ${pick(['Monday', 'Tuesday', 'Friday'])} that it would cut ${int(2, 900) * 10} ${pick(THINGS)} by ${int(2025, 2031)}.`,
    () => `Prices rose by ${int(1, 19)}.${int(0, 9)}% in the year to ${pick(MONTHS)}, the fastest pace since ${int(1979, 2015)}.`,
    () => `"We cannot carry on like this," said ${pick(ROLES)} ${person()}. "People in ${place} are paying £${int(10, 900)} more a year."`,
    () => `The project, worth $${int(1, 9)}.${int(1, 9)}bn, covers ${int(12, 4800).toLocaleString('en-GB')} miles (${int(20, 7700).toLocaleString('en-GB')} km) of track.`,
    () => `About ${int(2, 90)},000 people marched through ${place} on ${int(1, 28)} ${pick(MONTHS)} ${int(2019, 2024)}, police said.`,
    () => `${person()}, ${int(21, 88)}, told reporters the plan was "a disgrace" and that ${pick(ORGS)} had known for ${pick(['three', 'five', 'ten'])} years.`,
    () => `According to ${pick(ORGS)}, one in ${int(3, 9)} ${pick(THINGS)} in ${place} is at risk, up from ${int(5, 30)} per cent in ${int(2010, 2020)}.`,
    () => `Shares in ${pick(ORGS).replace(/^the /, '')} fell ${int(1, 40)}p to ${int(100, 999)}p after profits dropped from €${int(100, 500)}m to €${int(10, 99)}m.`,
  ];
  const headline = `${place} ${pick(['faces', 'braces for', 'rejects', 'backs'])} ${pick(['cuts', 'strike', 'new tax', 'rail plan'])}`;
  const paragraphs = [];
  const count = int(6, 14);
  for (let p = 0; p < count; p++) {
    const n = int(1, 3);
    const parts = [];
    for (let s = 0; s < n; s++) parts.push(pick(sentences)());
    paragraphs.push(parts.join(' '));
  }
  return `${headline}\n\n${paragraphs.join('\n\n')}\n`;
}

function generateCorpus(dir, articles = 600) {
  fs.mkdirSync(dir, { recursive: true });
  const rand = random(20260101);
  for (let i = 0; i < articles; i++) {
    fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), generateArticle(rand));
  }
}

// Where the benchmark's articles are, generating them when the BBC corpus is absent.
function locateCorpus() {
  const shared = process.env.AI_SHARED_DIR || path.resolve(root, '..', 'shared');
  const bbc = path.join(shared, 'corpora', 'bbc');
  if (fs.existsSync(bbc)) return { dir: bbc, files: listTextFiles(bbc).sort(), generated: false };
  const dir = path.join(root, 'build', 'bench', 'generated');
  if (!fs.existsSync(path.join(dir, '0000.txt'))) generateCorpus(dir);
  return { dir, files: listTextFiles(dir).sort(), generated: true };
}

module.exports = { locateCorpus, generateCorpus, listTextFiles };
