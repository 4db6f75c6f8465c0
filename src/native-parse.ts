/**
 * TypeScript's fast path in `parse.ts`: oxc's native parser, whose trees take typescript-estree's shape. It loads in
 * milliseconds where TypeScript and typescript-estree take a third of a second, and parses without a warm-up. (Plain
 * JavaScript stays with espree: the round trip to oxc's thread and the JSON it answers with cost more than espree.)
 *
 * It runs on a thread of its own, which this thread waits for, because native code has no stack check: nesting deep
 * enough ends the process (with Node's default 8 MB stack, a few thousand nested parentheses do). That thread's stack
 * is large, and only texts too short to nest deep enough to overflow it go there. Anything else, a text oxc rejects,
 * a platform without oxc's binary, or a thread that fails, takes the JavaScript parsers' path.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { TSESTree } from '@typescript-eslint/utils';
import { nextMessage } from './thread-messages';

/** The parser thread's stack: address space on Linux, where only the pages deep nesting touches are allocated. */
const STACK_MB = 256;
/**
 * The longest text parsed natively. Measured on a 64 MB stack, each nesting level costs oxc at most 2 KB (a level
 * costs at least one character, as in `((((`); 32 K characters can therefore use at most 64 MB of the 256 MB.
 */
export const NATIVE_MAX_CHARS = 32 * 1024;

/**
 * The parser thread: answers each request with the tree's JSON (oxc's own serialisation, parsed by the thread that
 * asked), or null when oxc reports an error. Parentheses leave no node, as in typescript-estree. Plain CommonJS as an
 * `eval` worker, so the TypeScript sources (the tests) run it too.
 */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const { bindings, answered, port } = workerData;
const answer = (reply) => {
  port.postMessage(reply);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
};
import(pathToFileURL(bindings).href).then(
  ({ parseSync }) => port.on('message', ({ text, language }) => {
    try {
      const result = parseSync('unit.' + language, text, { range: true, astType: 'ts', sourceType: 'module', preserveParens: false });
      answer(result.errors.length === 0 ? result.program : null);
    } catch {
      answer(null);
    }
  }),
  (error) => answer({ failure: String(error) }),
);
`;

interface Thread {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly answered: Int32Array;
}

/** undefined until first used; null once it has proved unavailable. */
let thread: Thread | null | undefined;

/** The tree oxc gives for a TypeScript text, or undefined when it is too long, oxc rejects it, or oxc is unavailable. */
export function parseNatively(text: string, language: 'ts' | 'tsx'): TSESTree.Program | undefined {
  if (text.length > NATIVE_MAX_CHARS) return undefined;
  const current = thread === undefined ? (thread = startThread()) : thread;
  if (current === null) return undefined;
  current.port.postMessage({ text, language });
  const reply = nextMessage<string | null | { readonly failure: string }>(current.port, current.answered)?.message;
  if (typeof reply === 'string') return programFromJson(reply);
  if (reply !== null) {
    // Silent or failed: the JavaScript parsers take over for good.
    current.port.close();
    void current.worker.terminate();
    thread = null;
  }
  return undefined;
}

function startThread(): Thread | null {
  try {
    const bindings = require.resolve('oxc-parser/src-js/bindings.js');
    const answered = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { bindings, answered, port: port2 },
      transferList: [port2],
      resourceLimits: { stackSizeMb: STACK_MB },
    });
    // Neither keeps the process alive: the thread only ever answers this one.
    worker.unref();
    port1.unref();
    // A thread that fails to start or dies says so only once this thread is back in its event loop, long after the
    // wait for its answer gave up; unheard, the event would end the process.
    worker.on('error', () => {
      thread = null;
    });
    return { worker, port: port1, answered };
  } catch {
    return null;
  }
}

/**
 * oxc's JSON holds the tree and the paths of the literals JSON cannot carry (BigInts, regular expressions), whose
 * values are set here. `hashbang` is oxc's own addition to the Program node.
 */
function programFromJson(json: string): TSESTree.Program {
  const { node, fixes } = JSON.parse(json) as {
    node: TSESTree.Program & { hashbang?: unknown };
    fixes: (string | number)[][];
  };
  for (const fix of fixes) {
    const literal = fix.reduce<Record<string | number, unknown>>(
      (parent, key) => parent[key] as Record<string | number, unknown>,
      node as unknown as Record<string, unknown>,
    ) as {
      value: unknown;
      bigint?: string;
      regex?: { pattern: string; flags: string };
    };
    literal.value = literal.bigint !== undefined ? BigInt(literal.bigint) : regExp(literal.regex!);
  }
  delete node.hashbang;
  return node;
}

/** A regular expression literal's value; null when this Node.js cannot build it, as in espree's trees. */
function regExp({ pattern, flags }: { pattern: string; flags: string }): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}
