// Preloaded (NODE_OPTIONS=--require) into the CLI under test: the reader thread dies of an uncaught error after three
// batches, as a thread that runs out of memory does: no word on its port, and an 'error' event on the main thread once
// that is back in its event loop. The main thread must notice the silence, read the rest itself, and outlive the event.
const { isMainThread, workerData } = require('node:worker_threads');

if (!isMainThread && Array.isArray(workerData?.files)) {
  const { port } = workerData;
  const postMessage = port.postMessage.bind(port);
  let posts = 0;
  // The fourth post throws; the reader catches that and posts the failure, which throws too and ends the thread.
  port.postMessage = (...args) => {
    if (++posts > 3) throw new Error('the reader thread dies');
    return postMessage(...args);
  };
}
