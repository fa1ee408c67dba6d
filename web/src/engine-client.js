// engine-client.js — runs the inspector off the main thread.
//
//   const client = createEngineClient(sources, onStatus);
//   client.inspect(text).then(({ report, json, milliseconds, where }) => ...);
//
// `sources` is { engine, worker }: the text of dist/article-inspector.js and
// of worker.js, inlined into the page by web/build.js. The worker is started
// from a Blob URL made of both, which Chromium and Firefox allow even on a
// page opened from file://, and the page's Content-Security-Policy permits
// (worker-src blob:). Should a browser refuse the worker, the engine runs on
// the page itself: the engine text is added as an inline script, which the
// policy allows by its hash. Slower for long texts, but never no answer.

function createEngineClient(sources, onStatus) {
  let nextId = 1;
  const waiting = new Map();
  let backend = null;  // { where, inspect(text) -> Promise }

  function startWorker() {
    return new Promise((resolve, reject) => {
      let worker;
      let url;
      try {
        url = URL.createObjectURL(new Blob([sources.engine, '\n;\n', sources.worker], { type: 'text/javascript' }));
        worker = new Worker(url, { name: 'article-inspector' });
      } catch (error) {
        if (url) URL.revokeObjectURL(url);
        reject(error);
        return;
      }
      const failStart = (message) => {
        worker.terminate();
        URL.revokeObjectURL(url);
        reject(new Error(message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        failStart('the worker could not start: ' + (event.message || 'blocked'));
      };
      worker.onmessage = (event) => {
        const message = event.data;
        if (message.type === 'failed') {
          failStart(message.error);
          return;
        }
        if (message.type !== 'ready') return;
        URL.revokeObjectURL(url);
        worker.onerror = (errorEvent) => {
          errorEvent.preventDefault();
          for (const [, pending] of waiting) pending.reject(new Error('the inspection worker failed: ' + (errorEvent.message || 'unknown error')));
          waiting.clear();
        };
        worker.onmessage = (answer) => {
          const pending = waiting.get(answer.data.id);
          if (!pending) return;
          waiting.delete(answer.data.id);
          if (answer.data.ok) pending.resolve(answer.data);
          else pending.reject(new Error(answer.data.error));
        };
        resolve({
          where: 'worker',
          version: message.version,
          inspect(text, options) {
            const id = nextId++;
            return new Promise((resolveOne, rejectOne) => {
              waiting.set(id, { resolve: resolveOne, reject: rejectOne });
              worker.postMessage({ id, text, options });
            });
          },
        });
      };
      worker.postMessage({ type: 'ping' });
    });
  }

  function startOnPage() {
    if (typeof ArticleInspector === 'undefined') {
      const script = document.createElement('script');
      script.textContent = sources.engine;
      document.head.append(script);
    }
    /* global ArticleInspector */
    return ArticleInspector.createInspector().then((inspector) => ({
      where: 'page',
      version: inspector.version,
      inspect(text, options) {
        return new Promise((resolve, reject) => {
          // A task of its own, so the status line can paint first.
          setTimeout(() => {
            try {
              const begin = performance.now();
              const report = inspector.inspect(text, options);
              const milliseconds = performance.now() - begin;
              resolve({ ok: true, json: JSON.stringify(report), milliseconds, version: inspector.version });
            } catch (error) {
              reject(error);
            }
          }, 0);
        });
      },
    }));
  }

  const ready = startWorker().catch((error) => {
    onStatus('The inspection worker could not start (' + error.message + '); inspecting on the page instead.');
    return startOnPage();
  }).then((started) => {
    backend = started;
    return started;
  });

  return {
    ready,
    inspect(text, options) {
      return ready.then((started) => started.inspect(text, options)).then((answer) => ({
        json: answer.json,
        milliseconds: answer.milliseconds,
        version: answer.version,
        where: backend.where,
      }));
    },
  };
}

if (typeof module !== 'undefined' && module.exports) module.exports = { createEngineClient };
