/**
 * The first pass over a tree: every file read once, and only the texts worth parsing kept (the Auth0-related files and
 * their relative-import neighbours), read on a thread of their own on large runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { nextMessage } from '../thread-messages';
import type { ProjectOptions } from './options';
import { firstRead, readText, relativeImports, relativePath, type FirstRead } from './read';
import type { ReaderData } from './reader';
import type { FileError } from './types';

export interface Candidates {
  /** The texts of the files worth parsing, by absolute path, in the order given. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every readable file, and those of them not worth parsing; `cwd`-relative. */
  readonly scanned: readonly string[];
  readonly skipped: readonly string[];
}

const RESOLVED_SUFFIXES = [
  '',
  '.js',
  '.jsx',
  '.ts',
  '.tsx',
  '.mjs',
  '.cjs',
  '.vue',
  '/index.js',
  '/index.ts',
  '/index.jsx',
  '/index.tsx',
];
/** Below this many files a reader thread costs more to start than it saves. */
const READER_THREAD_MIN_FILES = 2000;
/** Below the main thread's 984 KB (V8's default): what overflows there overflows on the reader thread first. */
const READER_STACK_MB = 0.9;
/** The reader thread's script: the build's; a run from the TypeScript sources (the tests) reads on the main thread. */
const READER_SCRIPT = path.join(__dirname, 'reader.js');

/**
 * Reads every file once and keeps only the texts worth parsing: those the text pre-filter selects, and the modules
 * they import or that import them by a relative path (a page calling `management.getUser` on a client another module
 * exports, a helper that takes the token as a parameter, may mention nothing Auth0-related). Other texts are dropped
 * as soon as their imports are known, so memory follows the Auth0-related code, not the tree. `onCandidate` gets each
 * text worth parsing as soon as it is known: a selected file as it is read (`inert` if the reader thread proved that
 * analysing it finds nothing), the neighbours once all are read. It returns false for a file the analysis refused
 * (and reported): its text is dropped at once, and the file is neither a candidate nor skipped.
 */
export function readCandidates(
  files: readonly string[],
  options: ProjectOptions,
  errors: FileError[],
  onCandidate: (file: string, text: string, inert: boolean) => boolean,
  onProgress?: (done: number, total: number) => void,
): Candidates {
  /** Each readable file's absolute path and its name in reports. */
  const readable = new Map<string, string>();
  const selected = new Map<string, string>();
  const refused = new Set<string>();
  const importsOf = new Map<string, string>();
  readFirst(files, options.maxFileBytes, (index, read) => {
    onProgress?.(index + 1, files.length);
    const file = files[index]!;
    const name = relativePath(options.cwd, file);
    if (read.kind === 'error') {
      errors.push({ file: name, message: read.message });
      return;
    }
    readable.set(file, name);
    if (read.kind === 'selected') {
      if (onCandidate(file, read.text, read.inert === true)) selected.set(file, read.text);
      else refused.add(file);
    } else if (read.imports !== '') importsOf.set(file, read.imports);
  });
  const resolved = (file: string, specifier: string): string | undefined => {
    const target = path.resolve(path.dirname(file), specifier);
    return RESOLVED_SUFFIXES.map((suffix) => target + suffix).find((candidate) => readable.has(candidate));
  };
  // Most files import dozens of relative paths and no selected file: only a path whose last segment names one
  // (`./auth`, `./auth.js`, `./auth/` for `auth/index.js`) is worth resolving.
  const selectedNames = new Set([...selected.keys()].flatMap((file) => importNames(file)));
  const mayNameSelected = (specifier: string): boolean => {
    const last = specifier.split('/').filter(Boolean).at(-1)!;
    return last === '.' || last === '..' || importNames(last).some((name) => selectedNames.has(name));
  };
  const neighbours = new Set<string>();
  for (const [file, specifiers] of importsOf) {
    if (
      specifiers
        .split('\n')
        .some((specifier) => mayNameSelected(specifier) && selected.has(resolved(file, specifier) ?? ''))
    )
      neighbours.add(file);
  }
  for (const [file, text] of selected) {
    for (const specifier of relativeImports(text)) {
      const neighbour = resolved(file, specifier);
      if (neighbour !== undefined && !selected.has(neighbour)) neighbours.add(neighbour);
    }
  }
  const texts = new Map<string, string>();
  const skipped: string[] = [];
  for (const [file, name] of readable) {
    const text = selected.get(file);
    if (text !== undefined) texts.set(file, text);
    else if (refused.has(file)) continue;
    else if (!neighbours.has(file)) skipped.push(name);
    else {
      // A neighbour is read again: keeping every text until the neighbours are known would hold the whole tree.
      const neighbour = readText(file, name, errors);
      if (neighbour !== undefined && onCandidate(file, neighbour, false)) texts.set(file, neighbour);
    }
  }
  return { texts, scanned: [...readable.values()], skipped };
}

/**
 * Gives each file's first read to `onRead`, in order. A large run reads on a thread of its own, so that reading and
 * pre-filtering the tree overlap with parsing what it selects; this thread waits for each batch on a shared counter.
 */
function readFirst(
  files: readonly string[],
  maxFileBytes: number | undefined,
  onRead: (index: number, read: FirstRead) => void,
): void {
  if (files.length < READER_THREAD_MIN_FILES || !fs.existsSync(READER_SCRIPT)) {
    files.forEach((file, index) => onRead(index, firstRead(file)));
    return;
  }
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const data: ReaderData = { files, maxFileBytes, posted, port: port2 };
  // A small young generation: the reader's texts die young, and the thread should add little to the peak memory.
  // A stack smaller than this thread's: code nested too deeply for this thread is never proven inert there.
  const reader = new Worker(READER_SCRIPT, {
    workerData: data,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: 4, stackSizeMb: READER_STACK_MB },
  });
  // A thread that died (out of memory, say) says so only once this thread is back in its event loop, after the silence
  // below has handed its work to this thread; unheard, the event would end the process.
  reader.on('error', () => undefined);
  let index = 0;
  try {
    while (index < files.length) {
      const received = nextMessage<FirstRead[] | { readonly failure: string }>(port1, posted);
      // A silent thread is taken for gone: this thread reads the rest.
      if (!received) break;
      const { message } = received;
      if (!Array.isArray(message)) throw new Error(`the reader thread failed: ${message.failure}`);
      for (const read of message) onRead(index++, read);
    }
  } finally {
    port1.close();
    void reader.terminate();
  }
  for (; index < files.length; index++) onRead(index, firstRead(files[index]!));
}

/** The names an import of a file may end with: `auth.js`, `auth`, and `auth` for `auth/index.js`. */
function importNames(file: string): string[] {
  const segments = file.split(/[\\/]/);
  const last = segments.at(-1)!;
  const stem = last.replace(/\.[^.]*$/, '');
  return stem === 'index' && segments.length > 1 ? [last, stem, segments.at(-2)!] : [last, stem];
}
