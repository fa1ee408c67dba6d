'use strict';
// The same page served over http (a static server on a free loopback port):
// it starts its worker, inspects, and asks the server for nothing but itself.
const test = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage, waitForInspection, serveDist } = require('./helpers');

test('over http the page works and requests only its own file', async (t) => {
  const server = await serveDist();
  t.after(server.close);
  const { context, close } = await launch();
  t.after(close);
  const origin = server.url;
  const { page, log } = await openPage(context, origin + '/', (url) => url === origin + '/' || url.startsWith('blob:' + origin + '/'));
  await page.click('#load-example');
  await waitForInspection(page);
  assert.ok(await page.$$eval('#view mark[data-kind]', (marks) => marks.length) > 0, 'highlights appear');
  assert.match(await page.textContent('#panel-stats'), /in a worker/);
  assert.equal(log.workers.length, 1);
  assert.ok(log.workers[0].startsWith('blob:' + origin + '/'), log.workers[0]);
  assert.deepEqual(log.requests.filter((url) => !url.startsWith('blob:')), [origin + '/'], 'one request: the page');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);

  // Copy to the clipboard (the async clipboard needs an origin to grant it to).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.click('#export-menu summary');
  await page.click('#export-menu button[data-export="json"][data-action="copy"]');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent), null, { polling: 100 });
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.figures.length, await page.$$eval('#view mark[data-figure]', (marks) => marks.length));
});
