/**
 * The waiting side of the CLI's worker threads (the reader thread, oxc's parser thread): each posts a message on a
 * MessagePort and then bumps a shared counter, and the main thread, which must not return to its event loop in the
 * middle of an analysis, blocks on the counter until the message is there.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/**
 * How long the main thread waits for a thread's next message before it takes the thread for gone. A thread that dies
 * (out of memory, say) cannot tell, and the blocked main thread never sees the worker's exit or error event: only the
 * silence shows. A message takes milliseconds; the work of a thread merely slow is done on the main thread instead.
 */
const STALL_MS = 5000;

/** The next message on `port`, whose thread bumps `counter[0]` after each post; undefined once it stays silent. */
export function nextMessage<T>(port: MessagePort, counter: Int32Array): { readonly message: T } | undefined {
  for (;;) {
    const seen = Atomics.load(counter, 0);
    const received = receiveMessageOnPort(port) as { message: T } | undefined;
    if (received) return received;
    if (Atomics.wait(counter, 0, seen, STALL_MS) === 'timed-out' && Atomics.load(counter, 0) === seen) return undefined;
  }
}
