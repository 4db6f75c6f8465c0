/**
 * eslint-doc-generator settings (`npm run docs` writes, `npm run docs:check` verifies). It reads the built plugin,
 * so both scripts build first. The scope tables in the README and rule docs are generated here from the endpoint
 * catalog, between `<!-- begin auto-generated <name> table -->` and `<!-- end auto-generated <name> table -->`.
 */
const { MANAGEMENT_ENDPOINTS } = require('./dist/src/catalog');

const code = (text) => `\`${text}\``;
const endpoint = (entry) => code(`${entry.method} /api/v2/${entry.path}`);
const scopes = (text) => text.split(' ').map(code).join(' + ');

const TABLES = {
  /** Endpoints a browser token can call: the least-privileged scope next to the one that acts on any user. */
  scope: () => [
    '| Endpoint | Least privileged: current user (browser token) | Any user (backend, machine-to-machine token) | Note |',
    '| :-- | :-- | :-- | :-- |',
    ...MANAGEMENT_ENDPOINTS.filter((entry) => entry.currentUserScope).map(
      (entry) =>
        `| ${endpoint(entry)} | ${code(entry.currentUserScope)} | ${scopes(entry.anyUserScope)} | ${entry.note ?? ''} |`,
    ),
  ],
  /** Endpoints no current-user token can call. */
  'backend-only': () => [
    '| Endpoint | Scope it needs (backend, machine-to-machine token only) | Why |',
    '| :-- | :-- | :-- |',
    ...MANAGEMENT_ENDPOINTS.filter((entry) => !entry.currentUserScope).map(
      (entry) => `| ${endpoint(entry)} | ${scopes(entry.anyUserScope)} | ${entry.note ?? ''} |`,
    ),
  ],
};

function replaceTables(content) {
  return content.replace(
    /(<!-- begin auto-generated ([a-z-]+) table -->\n)[\s\S]*?(<!-- end auto-generated \2 table -->)/g,
    (match, begin, name, end) => {
      const table = TABLES[name];
      if (!table) throw new Error(`Unknown auto-generated table: ${name}`);
      return `${begin}\n${table().join('\n')}\n\n${end}`;
    },
  );
}

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // The eslintrc preset has the same rules as `recommended`; the README documents it.
  ignoreConfig: ['legacy-recommended'],
  // Every rule takes `reportNeedsManual`, so an "options" column or notice would say nothing.
  ruleDocNotices: ['description', 'configs', 'fixableAndHasSuggestions'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions'],
  urlConfigs: 'https://github.com/auth0-tokens/eslint-plugin-auth0-tokens#presets',
  postprocess: (content) => replaceTables(content),
};
