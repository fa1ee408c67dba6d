'use strict';
// The inspector page in a real browser (Debian's Chromium via playwright-core),
// opened from disk: paste an article, see highlights and lists, navigate,
// export, reload; and prove that nothing left the page.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const {
  pageFile, pageUrl, launch, openPage, ownFileUrl, paste, waitForInput, waitForInspection, sampleArticle, libraryReport,
  artifactPath,
} = require('./helpers');

assert.ok(fs.existsSync(pageFile), 'web/dist/index.html is missing: run `npm run build` first');

test('a pasted article is highlighted, listed, navigable and exported like the library reports it', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  const { page, log } = await openPage(context, pageUrl, ownFileUrl);
  const sample = sampleArticle();
  t.diagnostic('article: ' + sample.name);

  await paste(page, { text: sample.text });
  await waitForInspection(page);
  const text = await page.inputValue('#input');
  assert.equal(text, sample.text.replace(/\r\n?/g, '\n'), 'the paste lands in #input as it was');
  const expected = await libraryReport(text);

  await t.test('highlights: one <mark data-kind> per drawn mention and figure, each over its text', async () => {
    assert.ok(expected.figures.length > 0, 'the library finds figures in the sample');
    const marks = await page.$$eval('#view mark[data-kind]', (elements) => elements.map((m) => ({
      kind: m.dataset.kind, text: m.textContent, start: Number(m.dataset.start), entity: m.dataset.entity, figure: m.dataset.figure,
    })));
    assert.ok(marks.length > 0, 'highlights appear');
    for (const mark of marks) assert.equal(text.slice(mark.start, mark.start + mark.text.length), mark.text);
    const figureMarks = marks.filter((m) => m.figure !== undefined);
    for (const mark of figureMarks) {
      const figure = expected.figures[Number(mark.figure)];
      assert.equal(mark.kind, figure.kind);
      assert.equal(mark.text, figure.text);
    }
    assert.equal(figureMarks.length, expected.figures.length, 'every figure is highlighted');
  });

  await t.test('the entity list holds the people the library finds, with mention counts', async () => {
    const people = expected.entities.filter((e) => e.type === 'person');
    assert.ok(people.length > 0, 'the library finds people in the sample (needs the entity tagger)');
    const listed = await page.$$eval('#panel-entities .entity-button[data-type="person"]', (buttons) =>
      buttons.map((b) => ({ id: b.dataset.entity, name: b.querySelector('.name').firstChild.textContent, count: b.querySelector('.count').textContent })));
    assert.deepEqual(listed.map((p) => p.name).sort(), people.map((p) => p.name).sort());
    for (const person of listed) {
      const entity = people.find((p) => p.id === person.id);
      assert.equal(person.count, '×' + entity.mentions.length);
    }
  });

  await t.test('clicking a person marks all their mentions and steps through them', async () => {
    const people = expected.entities.filter((e) => e.type === 'person').sort((a, b) => b.mentions.length - a.mentions.length);
    assert.ok(people.length > 0, 'needs a person in the report');
    const person = people[0];
    await page.click(`#panel-entities .entity-button[data-entity="${person.id}"]`);
    const marked = await page.$$eval(`#view mark.is-marked[data-entity="${person.id}"]`, (elements) => elements.map((m) => m.textContent));
    assert.equal(marked.length, person.mentions.length, 'every mention is marked');
    assert.deepEqual(marked, person.mentions.map((m) => m.text));
    assert.equal(await page.$$eval('#view mark.is-marked', (e) => e.length), person.mentions.length, 'nothing else is marked');
    assert.match(await page.textContent('#stepper-label'), new RegExp(`mention 1 of ${person.mentions.length}$`));
    await page.click('#step-next');
    const second = person.mentions.length > 1 ? 2 : 1;
    assert.match(await page.textContent('#stepper-label'), new RegExp(`mention ${second} of ${person.mentions.length}$`));
    const current = await page.$eval('#view mark.is-current', (m) => ({ entity: m.dataset.entity, mention: m.dataset.mention }));
    assert.deepEqual(current, { entity: person.id, mention: String(second - 1) });
    await page.keyboard.press('Escape');
    assert.equal(await page.$$eval('#view mark.is-marked', (e) => e.length), 0, 'Escape clears the marks');
  });

  await t.test('the figures table holds every figure with its value, sortable by column', async () => {
    await page.click('#tab-figures');
    const rows = await page.$$eval('#panel-figures tr[data-figure]', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
    assert.equal(rows.length, Math.min(expected.figures.length, 100));
    assert.ok(rows.every((cells) => cells[3] !== ''), 'every figure shows a value');
    assert.deepEqual(rows.map((cells) => cells[1]), expected.figures.slice(0, 100).map((f) => f.text), 'in text order by default');
    const sentences = await page.$$eval('#panel-figures tr.sentence-row', (trs) => trs.map((tr) => tr.textContent));
    assert.ok(sentences.every((sentence, i) => sentence.includes(expected.figures[i].text)), 'each figure comes with its sentence');
    await page.click('#panel-figures th button[data-sort="value"]');
    const header = await page.$eval('#panel-figures th[aria-sort]', (th) => [th.textContent, th.getAttribute('aria-sort')]);
    assert.deepEqual(header, ['Value', 'ascending']);
    const firstIndex = await page.$eval('#panel-figures tr[data-figure]', (tr) => Number(tr.dataset.figure));
    const lowest = Math.min(...expected.figures.map((f) => (typeof f.value === 'number' ? f.value : f.value.min ?? -Infinity)));
    const first = expected.figures[firstIndex];
    assert.equal(typeof first.value === 'number' ? first.value : first.value.min ?? -Infinity, lowest);
    await page.click('#panel-figures th button[data-sort="start"]');
  });

  await t.test('clicking a figure in the table scrolls to it and shows its details', async () => {
    const last = expected.figures.length - 1;
    await page.click(`#panel-figures button[data-go-figure="${Math.min(last, 99)}"]`);
    const current = await page.$eval('#view .is-current', (m) => m.dataset.figure);
    assert.equal(current, String(Math.min(last, 99)));
    await page.waitForFunction(() => {
      const m = document.querySelector('#view .is-current').getBoundingClientRect();
      return m.top >= 0 && m.bottom <= window.innerHeight;
    });
    assert.equal(await page.isVisible('#tooltip'), true);
  });

  await t.test('hovering a highlight shows its kind and value', async () => {
    const figure = expected.figures[0];
    await page.hover('#view mark[data-figure="0"]');
    const tip = await page.textContent('#tooltip');
    assert.ok(tip.includes(figure.text), tip);
    assert.match(tip, /Value/);
  });

  await t.test('filters switch a kind off and on', async () => {
    const kind = expected.figures[0].kind;
    const background = () => page.$eval(`#view mark[data-kind="${kind}"]`, (m) => getComputedStyle(m).backgroundColor);
    const before = await background();
    await page.click(`#filter-list input[data-filter="${kind}"]`);
    assert.equal(await background(), 'rgba(0, 0, 0, 0)');
    await page.click(`#filter-list input[data-filter="${kind}"]`);
    assert.equal(await background(), before);
  });

  await t.test('export: the JSON download parses and equals the library report; CSV and Markdown too', async () => {
    const exported = async (format) => {
      await page.click('#export-menu summary');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`#export-menu button[data-export="${format}"][data-action="download"]`),
      ]);
      return fs.readFileSync(await download.path(), 'utf8');
    };
    assert.deepEqual(JSON.parse(await exported('json')), expected);
    const csv = (await exported('csv')).trimEnd().split('\r\n');
    assert.equal(csv[0].split(',')[2], 'text');
    assert.equal(csv.length, expected.figures.length + 1);
    const markdown = await exported('markdown');
    assert.match(markdown, /^# Article inspection/);
    for (const person of expected.entities.filter((e) => e.type === 'person')) assert.ok(markdown.includes(person.name.replace(/([\\`*_[\]<>|#])/g, '\\$1')));
  });

  await t.test('nothing left the page: only its own file and its worker Blob were requested', async () => {
    assert.deepEqual(log.foreign, []);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.equal(log.workers.length, 1, 'one worker');
    assert.match(log.workers[0], /^blob:/, 'started from a Blob URL');
    assert.match(await page.textContent('#panel-stats'), /in a worker/);
  });

  for (const theme of ['light', 'dark']) {
    await page.selectOption('#theme', theme);
    await page.click('#tab-entities');
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('.panel').scrollTop = 0;
    });
    await page.screenshot({ path: artifactPath(`page-${theme}.png`) });
  }
  // The panels and the marked mentions of a person, for a look.
  await page.selectOption('#theme', 'light');
  await page.click('#tab-figures');
  await page.screenshot({ path: artifactPath('page-figures.png') });
  await page.click('#tab-checks');
  await page.screenshot({ path: artifactPath('page-checks.png') });
  const person = expected.entities.filter((e) => e.type === 'person').sort((a, b) => b.mentions.length - a.mentions.length)[0];
  if (person) {
    await page.click('#tab-entities');
    await page.click(`#panel-entities .entity-button[data-entity="${person.id}"]`);
    await page.click('#step-next');
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('page-marked.png') });
  }
});

test('the text and the settings survive a reload; Clear forgets them', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  const { page } = await openPage(context, pageUrl, ownFileUrl);
  await page.click('#load-example');
  await waitForInspection(page);
  await page.selectOption('#theme', 'dark');
  await page.click('#filter-list input[data-filter="person"]');
  await page.click('#tab-stats');
  await page.type('#input', 'Extra words typed by hand. ');
  await waitForInspection(page);
  const text = await page.inputValue('#input');
  assert.match(text, /^Extra words typed by hand\. /);
  await page.waitForTimeout(600);  // the save is debounced
  await page.reload();
  await waitForInspection(page);
  assert.equal(await page.inputValue('#input'), text);
  assert.equal(await page.$eval('html', (e) => e.dataset.theme), 'dark');
  assert.equal(await page.isChecked('#filter-list input[data-filter="person"]'), false);
  assert.equal(await page.getAttribute('#tab-stats', 'aria-selected'), 'true');
  assert.match(await page.textContent('#panel-stats'), /Inspection time/);

  await page.click('#clear');
  await waitForInspection(page);
  assert.equal(await page.inputValue('#input'), '');
  await page.reload();
  await waitForInspection(page);
  assert.equal(await page.inputValue('#input'), '');
  assert.equal(await page.$eval('html', (e) => e.dataset.theme ?? null), null);
});

test('the keyboard reaches everything: tabs, entity marking, stepping, sorting', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  const { page } = await openPage(context, pageUrl, ownFileUrl);
  await page.focus('#load-example');
  await page.keyboard.press('Enter');
  await waitForInspection(page);
  await page.focus('#tab-entities');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-figures');
  assert.equal(await page.isVisible('#panel-figures'), true);
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-stats');
  await page.keyboard.press('Home');
  const report = await libraryReport(await page.inputValue('#input'));
  const entity = report.entities.find((e) => e.mentions.length > 1) || report.entities[0];
  if (entity) {
    await page.press(`#panel-entities .entity-button[data-entity="${entity.id}"]`, 'Enter');
    assert.equal(await page.getAttribute(`#panel-entities .entity-button[data-entity="${entity.id}"]`, 'aria-pressed'), 'true');
    await page.keyboard.press('Enter');
    const expectedIndex = entity.mentions.length > 1 ? 2 : 1;
    assert.match(await page.textContent('#stepper-label'), new RegExp(`mention ${expectedIndex} of`));
    await page.keyboard.press('p');
    assert.match(await page.textContent('#stepper-label'), /mention 1 of/);
  }
  if (report.figures.length > 1) {
    await page.click('#tab-figures');
    // Focus and key press in one action: a separate focus() then press() lost
    // the key now and then on a loaded machine (the sort never happened).
    // Once in a full CI run on a loaded machine even this lost it: a lost key
    // leaves the table unsorted, so the press is given one more chance, while
    // a key that arrived sorts the table at once.
    const sortButton = '#panel-figures th button[data-sort="kind"]';
    const sorted = () => page.waitForFunction(
      () => document.querySelector('#panel-figures th:nth-child(3)').getAttribute('aria-sort') === 'ascending',
      null, { timeout: 5000, polling: 50 }).then(() => true, () => false);
    await page.press(sortButton, 'Enter');
    if (!(await sorted())) {
      await page.press(sortButton, 'Enter');
      assert.ok(await sorted(), 'Enter on the sort button sorts the table');
    }
    assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'kind', 'focus stays on the sort button');
  }
  // Every control is reachable with Tab and shows a visible focus ring.
  await page.focus('#load-example');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
});

test('a dropped .md file and an opened .html file become clean text', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  const { page, log } = await openPage(context, pageUrl, ownFileUrl);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['# Storm warning\n\nWinds of **120 km/h** hit [Genoa](http://example.com/genoa) on Monday.\n'], 'storm.md', { type: 'text/markdown' }));
    return data;
  });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
  await waitForInput(page, /^Storm warning/);
  await waitForInspection(page);
  assert.equal(await page.inputValue('#input'), 'Storm warning\n\nWinds of 120 km/h hit Genoa on Monday.');

  await page.setInputFiles('#file-input', {
    name: 'page.html', mimeType: 'text/html',
    buffer: Buffer.from('<html><head><title>T</title><style>p{color:red}</style></head><body><nav>Home | News</nav>' +
      '<article><h1>Bridge reopens</h1><p>The bridge reopened after <b>18 months</b>.</p><p>It cost €40m.</p></article></body></html>'),
  });
  await waitForInput(page, /^Home/);
  await waitForInspection(page);
  assert.equal(await page.inputValue('#input'), 'Home | News\n\nBridge reopens\n\nThe bridge reopened after 18 months.\n\nIt cost €40m.');
  assert.deepEqual(log.foreign, []);
});

test('narrow phone screen and 200% zoom: one column, nothing cut off', async (t) => {
  for (const [name, viewport, scale] of [['phone', { width: 390, height: 844 }, 3], ['zoom-200', { width: 640, height: 450 }, 2]]) {
    const { context, close } = await launch({ viewport, deviceScaleFactor: scale });
    const { page } = await openPage(context, pageUrl, ownFileUrl);
    await page.click('#load-example');
    await waitForInspection(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: no horizontal scrolling (overflow ${overflow}px)`);
    const columns = await page.$eval('.layout', (e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
    assert.equal(columns, 1, `${name}: the panel goes below the article`);
    await page.screenshot({ path: artifactPath(`page-${name}.png`) });
    await close();
  }
});

test('without workers the engine runs on the page, allowed by its hash in the policy', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  await context.addInitScript(() => {
    window.Worker = function Worker() {
      throw new DOMException('workers are disabled in this test', 'SecurityError');
    };
  });
  const { page, log } = await openPage(context, pageUrl, ownFileUrl);
  assert.match(await page.textContent('#status'), /on the page/);
  await page.click('#load-example');
  await waitForInspection(page);
  const text = await page.inputValue('#input');
  const expected = await libraryReport(text);
  assert.equal(await page.$$eval('#view mark[data-figure]', (marks) => marks.length), expected.figures.length);
  assert.match(await page.textContent('#panel-stats'), /on the page/);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the engine script passed the policy');
  assert.deepEqual(log.foreign, []);
});

test('clutter is dimmed, collapses all at once or one block at a time', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  const { page } = await openPage(context, pageUrl, ownFileUrl);
  await page.click('#load-example');
  await waitForInspection(page);
  const blocks = await page.$$eval('#view .clutter', (elements) => elements.length);
  assert.ok(blocks > 0, 'the example has page clutter');
  const bodyVisible = () => page.$$eval('#view .clutter-body', (bodies) => bodies.map((b) => b.offsetParent !== null));
  assert.ok((await bodyVisible()).every(Boolean));
  await page.click('#filter-list input[data-filter="clutter"]');
  assert.ok((await bodyVisible()).every((visible) => !visible), 'unticking clutter collapses every block');
  await page.click('#view .clutter-toggle');
  assert.equal((await bodyVisible())[0], true, 'its toggle opens one block');
  assert.equal(await page.getAttribute('#view .clutter-toggle', 'aria-expanded'), 'true');
});

test('print view: the article and every panel, no controls', async (t) => {
  const { context, close } = await launch();
  t.after(close);
  const { page } = await openPage(context, pageUrl, ownFileUrl);
  await page.click('#load-example');
  await waitForInspection(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['#input', '.actions', '.tabs', '#filters']) assert.equal(await page.isVisible(hidden), false, hidden);
  for (const shown of ['#view', '#panel-entities', '#panel-figures', '#panel-quotes', '#panel-checks', '#panel-stats']) {
    assert.equal(await page.isVisible(shown), true, shown);
  }
  await page.screenshot({ path: artifactPath('page-print.png'), fullPage: true });
});
