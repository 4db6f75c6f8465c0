/**
 * The reader thread of a large run: reads every file, applies the text pre-filter and screens the large candidates
 * (`screen.ts`) while the main thread parses the files already selected (see `readFirst` in `index.ts`). Posts the
 * reads in order, in batches, and bumps a shared counter after each post so the main thread, which waits on it, wakes
 * up.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { firstRead, type FirstRead } from './read';
import { provenInert, screened } from './screen';

export interface ReaderData {
  readonly files: readonly string[];
  readonly maxFileBytes: number | undefined;
  readonly posted: Int32Array;
  readonly port: MessagePort;
}

/** Small enough that the main thread never waits long for a selected file read early in a batch. */
const BATCH = 128;

if (parentPort) {
  const { files, maxFileBytes, posted, port } = workerData as ReaderData;
  const post = (message: readonly FirstRead[] | { readonly failure: string }) => {
    port.postMessage(message);
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  };
  try {
    let batch: FirstRead[] = [];
    for (const file of files) {
      const read = firstRead(file);
      if (read.kind === 'selected' && screened(read.text, maxFileBytes)) {
        // The main thread parses the files before this one while this thread analyses it.
        if (batch.length > 0) post(batch);
        batch = [provenInert(file, read.text) ? { ...read, inert: true } : read];
      } else batch.push(read);
      if (read.kind === 'selected' || batch.length === BATCH) {
        post(batch);
        batch = [];
      }
    }
    post(batch);
  } catch (error) {
    post({ failure: String((error as Error).stack ?? error) });
  }
}
