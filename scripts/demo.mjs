// `npm run demo`: the CLI on a temporary copy of the bundled legacy app (the fixture is never modified): `scan` (the
// plugin's per-file findings plus the flows across modules), then `migrate --dry --diff` (what the migration would
// change, and what it leaves for a developer).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-demo-'));
fs.cpSync(path.join(root, 'fixtures/legacy-app'), copy, { recursive: true });

function run(title, ...args) {
  console.log(`\n$ auth0-tokens ${args.join(' ')}   # ${title}\n`);
  return spawnSync(process.execPath, [path.join(root, 'bin/auth0-tokens.js'), ...args], { cwd: copy, stdio: 'inherit' })
    .status;
}

try {
  const scan = run('every finding, per file and across modules', 'scan');
  const migrate = run('what the migration would change; nothing is written', 'migrate', '--dry', '--diff');
  // scan exits 1 because the legacy app has findings: that is the demo working. Anything else is a failure.
  process.exitCode = scan === 1 && migrate === 0 ? 0 : 1;
} finally {
  fs.rmSync(copy, { recursive: true, force: true });
}
