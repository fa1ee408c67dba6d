// worker.js — the inspection worker. web/build.js appends this file to the
// engine (dist/article-inspector.js, which defines the global
// ArticleInspector) and the page starts the result from a Blob URL, which
// works from file:// as well as over http.
//
// Protocol: the page posts { id, text, options }; the worker answers
// { id, ok: true, json, milliseconds, version } with the report as a JSON
// string (parsed once, on the page), or { id, ok: false, error }.
// A message { type: 'ping' } is answered { type: 'ready', version } once the
// engine has started, or { type: 'failed', error }.

/* global ArticleInspector */
const started = ArticleInspector.createInspector();

self.onmessage = (event) => {
  const message = event.data;
  started.then((inspector) => {
    if (message.type === 'ping') {
      self.postMessage({ type: 'ready', version: inspector.version });
      return;
    }
    try {
      const begin = performance.now();
      const report = inspector.inspect(message.text, message.options);
      const milliseconds = performance.now() - begin;
      self.postMessage({ id: message.id, ok: true, json: JSON.stringify(report), milliseconds, version: inspector.version });
    } catch (error) {
      self.postMessage({ id: message.id, ok: false, error: String(error && error.message ? error.message : error) });
    }
  }, (error) => {
    const text = String(error && error.message ? error.message : error);
    self.postMessage(message.type === 'ping' ? { type: 'failed', error: text } : { id: message.id, ok: false, error: text });
  });
};
