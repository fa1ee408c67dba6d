'use strict';
// Hostile input is data, never markup: pasted text, clipboard HTML and opened
// or dropped HTML files carrying scripts, event handlers, javascript: links
// and remote resources render as text, run nothing and fetch nothing. A
// loopback "attacker" server counts any request that reaches it; the page's
// Content-Security-Policy is checked to block what a bug would let through.
const test = require('node:test');
const assert = require('node:assert/strict');
const { pageUrl, launch, openPage, ownFileUrl, paste, clearInput, waitForInput, waitForInspection, serve } = require('./helpers');

// The only elements the view is made of.
const VIEW_TAGS = new Set(['DIV', 'P', 'MARK', 'SPAN', 'BUTTON']);

function hostilePayloads(attacker) {
  return [
    "<script>window.__pwned = 'script'</script>",
    `<img src="${attacker}/img.png" onerror="window.__pwned = 'img onerror'">`,
    "<img src=x onerror=window.__pwned='bare onerror'>",
    "<a href=\"javascript:window.__pwned='link'\">click me</a>",
    "<svg onload=\"window.__pwned='svg'\"><circle r=\"1\"></circle></svg>",
    `<div style="background:url(${attacker}/inline-style.png)">styled text</div>`,
    `<style>@import url(${attacker}/import.css); body { background: url(${attacker}/style-block.png) }</style>`,
    `<link rel="stylesheet" href="${attacker}/link.css">`,
    `<iframe src="${attacker}/frame.html"></iframe>`,
    `<object data="${attacker}/object"></object>`,
    `<video src="${attacker}/v.mp4" poster="${attacker}/poster.png"></video>`,
    `<meta http-equiv="refresh" content="0;url=${attacker}/refresh">`,
    `<form action="${attacker}/form"><button formaction="javascript:window.__pwned='form'">go</button></form>`,
    "<details open ontoggle=\"window.__pwned='toggle'\">details text</details>",
    `<base href="${attacker}/">`,
    '<p>Plain words with 12 police officers and $3bn in them.</p>',
  ];
}

async function withAttacker(t) {
  const hits = [];
  const attacker = await serve((req, res) => {
    hits.push(req.url);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('gotcha');
  });
  t.after(attacker.close);
  return { attacker: attacker.url, hits };
}

async function assertNothingHappened(page, log, hits) {
  await page.waitForTimeout(500);  // give any stray load or handler time to happen
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assert.deepEqual(hits, [], 'nothing reached the attacker server');
  assert.deepEqual(log.foreign, [], 'no request beyond the page itself');
  // The inert document DOMParser makes inherits the page's policy, so
  // Chromium checks (and reports) its inline handlers, <style> blocks and
  // <base> against it while parsing. Those are checks, not loads; a report
  // naming any other directive would be something trying to load.
  const violations = await page.evaluate(() => window.__violations);
  const checksOnly = /^((script|style)-src-attr inline|style-src-elem inline|base-uri .*)$/;
  assert.deepEqual(violations.filter((v) => !checksOnly.test(v)), [], 'nothing even tried to load');
  const tags = await page.$$eval('#view *', (elements) => [...new Set(elements.map((e) => e.tagName))]);
  for (const tag of tags) assert.ok(VIEW_TAGS.has(tag), 'unexpected element in the view: ' + tag);
  assert.deepEqual(await page.$$eval('img, iframe, object, embed, video, audio, svg, a[href]:not(.skip-link), link, base, form, meta[http-equiv="refresh"]',
    (elements) => elements.map((e) => e.outerHTML.slice(0, 80))), [], 'no foreign element anywhere in the document');
  assert.equal(await page.$$eval('script', (elements) => elements.length), 1, 'only the page script (the engine data was removed once read)');
}

test('a hostile plain-text paste is shown as text', async (t) => {
  const { attacker, hits } = await withAttacker(t);
  const { context, close } = await launch();
  t.after(close);
  const { page, log } = await openPage(context, pageUrl, ownFileUrl);
  const text = hostilePayloads(attacker).join('\n\n');
  await paste(page, { text });
  await waitForInspection(page);
  assert.equal(await page.inputValue('#input'), text);
  const shown = await page.$$eval('#view p', (blocks) => blocks.map((p) => p.textContent).join('\n\n'));
  assert.equal(shown, text, 'the view shows the markup as characters');
  await assertNothingHappened(page, log, hits);
});

test('hostile clipboard HTML becomes clean text without rendering it', async (t) => {
  const { attacker, hits } = await withAttacker(t);
  const { context, close } = await launch();
  t.after(close);
  const { page, log } = await openPage(context, pageUrl, ownFileUrl);
  const html = '<html><head><meta charset="utf-8"></head><body><!--StartFragment-->' + hostilePayloads(attacker).join('') + '<!--EndFragment--></body></html>';
  await paste(page, { html, text: 'the plain-text flavour is not used when HTML is present' });
  await waitForInspection(page);
  const text = await page.inputValue('#input');
  assert.equal(text, 'click me\n\nstyled text\n\ndetails text\n\nPlain words with 12 police officers and $3bn in them.');
  await assertNothingHappened(page, log, hits);
});

test('hostile .html files, opened or dropped, become clean text', async (t) => {
  const { attacker, hits } = await withAttacker(t);
  const { context, close } = await launch();
  t.after(close);
  const { page, log } = await openPage(context, pageUrl, ownFileUrl);
  const html = '<!doctype html><html><head><title>evil</title></head><body>' + hostilePayloads(attacker).join('\n') + '</body></html>';
  await page.setInputFiles('#file-input', { name: 'evil.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await waitForInput(page, /^click me/);
  await waitForInspection(page);
  assert.match(await page.inputValue('#input'), /^click me\n\nstyled text\n\ndetails text\n\nPlain words/);
  await clearInput(page);
  await waitForInput(page, /^$/);
  await waitForInspection(page);
  const dropped = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'evil.htm', { type: 'text/html' }));
    return data;
  }, html);
  await page.dispatchEvent('#input', 'drop', { dataTransfer: dropped });
  await waitForInput(page, /^click me/);
  await waitForInspection(page);
  assert.match(await page.inputValue('#input'), /^click me\n\nstyled text/);
  await assertNothingHappened(page, log, hits);
});

test('the Content-Security-Policy itself blocks network access and foreign scripts', async (t) => {
  const { attacker, hits } = await withAttacker(t);
  const { context, close } = await launch();
  t.after(close);
  const { page } = await openPage(context, pageUrl, ownFileUrl);
  // Simulate a bug that let markup through: the browser must still refuse.
  const outcome = await page.evaluate(async (target) => {
    const results = {};
    try {
      await fetch(target + '/fetch');
      results.fetch = 'allowed';
    } catch (error) {
      results.fetch = 'blocked';
    }
    const image = new Image();
    const loaded = new Promise((resolve) => {
      image.onload = () => resolve('allowed');
      image.onerror = () => resolve('blocked');
    });
    image.src = target + '/image.png';
    results.image = await loaded;
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'injected inline script'";
    document.body.append(script);
    const style = document.createElement('div');
    style.setAttribute('style', `background-image: url(${target}/style.png)`);
    document.body.append(style);
    await new Promise((resolve) => setTimeout(resolve, 300));
    results.pwned = window.__pwned === undefined ? 'no' : 'yes';
    return results;
  }, attacker);
  assert.deepEqual(outcome, { fetch: 'blocked', image: 'blocked', pwned: 'no' });
  assert.deepEqual(hits, []);
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join(', '));
  assert.ok(violations.some((v) => v.startsWith('img-src')), violations.join(', '));
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join(', '));
});
