/**
 * Where a run's time goes, from the `.cpuprofile` files `node --cpu-prof` writes (one per thread): self time per
 * function, and each sample charged to one phase of the run by the innermost frame on its stack that names a phase
 * (loading a module the tool's code requires wins over everything it runs; the phases of the analysis win over the
 * helpers they call).
 *
 *   node --cpu-prof --cpu-prof-dir=DIR bin/auth0-tokens.js scan TREE ...
 *   node bench/profile.mjs DIR/*.cpuprofile [--top 30]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' } },
});

/** A frame's phase, by its file under dist/ and its function; undefined for a frame that names none. */
const PHASES = [
  [
    'loading modules',
    (file, name) => file.startsWith('node:internal/modules') && /^(Module\._load|require)$/.test(name),
  ],
  ['reading and pre-filter (main)', (file) => /src\/(cli\/files|project\/(candidates|read))\.js$/.test(file)],
  [
    'waiting for the reader / oxc thread',
    (file, name) => file.endsWith('src/thread-messages.js') && name === 'nextMessage',
  ],
  ['parse', (file, name) => file.endsWith('src/parse.js') && /^(parseSource|parseJavaScriptFile)$/.test(name)],
  ['parse', (file) => file.endsWith('src/native-parse.js')],
  ['scope analysis', (file, name) => file.endsWith('src/parse.js') && name === 'withScopes'],
  ['module resolution', (file) => file.endsWith('src/project/resolve.js')],
  ['analysis: file context, indexes', (file, name) => file.endsWith('src/analysis/facts.js') && name === 'moduleView'],
  ['analysis: token requests', (file) => file.endsWith('src/analysis/token-requests.js')],
  ['analysis: management clients', (file) => file.endsWith('src/analysis/management-clients.js')],
  ['analysis: http calls', (file) => /src\/analysis\/(http-calls|management-urls|request-bodies)\.js$/.test(file)],
  ['analysis: credentials', (file) => /src\/analysis\/(credentials|holder-writes)\.js$/.test(file)],
  ['analysis: environment', (file) => file.endsWith('src/analysis/environment.js')],
  ['analysis: legacy APIs, secrets', (file) => file.endsWith('src/analysis/legacy-and-secrets.js')],
  ['linking modules', (file) => /src\/project\/(link|environments)\.js$/.test(file)],
  ['findings', (file) => /src\/analysis\/(checks|findings)\.js$/.test(file)],
  ['report', (file) => /src\/(project\/report|cli\/formats)\.js$/.test(file)],
  ['migration', (file) => /src\/(migration|project\/migrate|cli\/migrate)\.js$/.test(file)],
];
const LOADING = PHASES[0][0];

function shortUrl(url) {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, '');
}

function phaseOf(frame) {
  const file = shortUrl(frame.url);
  return PHASES.find(([, matches]) => matches(file, frame.functionName))?.[0];
}

function summarise(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfTime = new Map();
  const phaseTime = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    const leaf = nodes.get(id).callFrame;
    const name = `${leaf.functionName || '(anonymous)'} ${shortUrl(leaf.url)}${leaf.url ? `:${leaf.lineNumber + 1}` : ''}`;
    selfTime.set(name, (selfTime.get(name) ?? 0) + micros);
    let phase;
    let loading = false;
    for (let node = id; node !== undefined; node = parents.get(node)) {
      const frame = nodes.get(node).callFrame;
      const named = phaseOf(frame);
      if (named === LOADING) loading = true;
      else if (named && !phase) phase = named;
      // A module the tool's own code requires (the entry point itself, and all it runs at once, is not loading).
      if (loading && frame.url.includes('/dist/src/')) {
        phase = LOADING;
        break;
      }
    }
    phase ??= leaf.functionName.startsWith('(') ? leaf.functionName : 'other';
    phaseTime.set(phase, (phaseTime.get(phase) ?? 0) + micros);
  });
  return { total, selfTime, phaseTime };
}

function table(entries, total, limit) {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([name, micros]) =>
        `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`,
    )
    .join('\n');
}

for (const file of files) {
  const { total, selfTime, phaseTime } = summarise(JSON.parse(fs.readFileSync(file, 'utf8')));
  process.stdout.write(
    `${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled\n` +
      `by phase:\n${table(phaseTime, total, Infinity)}\n` +
      `by function (self time):\n${table(selfTime, total, Number(options.top))}\n\n`,
  );
}
