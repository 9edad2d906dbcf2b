/**
 * Module boundaries (`npm run lint`). Imports run one way, bottom to top:
 * infrastructure (src/lib, src/db, src/plugins, src/config.ts) → organisations → audit → staff → web (staff guard and
 * login) → events → mail → booking → queue → planning / intake → evaluation → demo; app.ts and server.ts wire them.
 * Foreign keys count: a table file imports the tables it references, so they follow the same direction.
 * A module owns its tables: only its own files import its `*.table.ts`; others call its functions.
 */
const MODULES = {
  organisations: [],
  audit: ['organisations'],
  staff: ['organisations', 'audit'],
  web: ['organisations', 'audit', 'staff'],
  // The dated rules table and each county's authorities; below everything that prints amounts or documents.
  benefits: ['organisations', 'audit', 'staff', 'web'],
  events: ['organisations', 'audit', 'staff', 'web'],
  mail: ['organisations', 'web'],
  booking: ['organisations', 'audit', 'staff', 'events', 'mail'],
  queue: ['organisations', 'audit', 'staff', 'web', 'events', 'mail', 'booking'],
  planning: ['organisations', 'audit', 'staff', 'web', 'events', 'mail', 'booking', 'queue'],
  // Issue 10: intake above the day's queue; evaluation on top, reading figures through the others' functions.
  intake: ['organisations', 'audit', 'staff', 'web', 'events', 'mail', 'booking', 'queue'],
  // The PDFs: application aids at the desk, documents list, day list, flyers.
  aids: ['organisations', 'audit', 'staff', 'web', 'benefits', 'events', 'mail', 'booking', 'queue'],
  evaluation: ['organisations', 'audit', 'staff', 'web', 'events', 'mail', 'booking', 'queue', 'planning', 'intake'],
  // Issue 12: the anonymous pre-check, on top of the rules table and leading into booking; only app.ts imports it.
  precheck: ['organisations', 'web', 'benefits', 'events', 'booking'],
  demo: ['organisations', 'audit', 'staff', 'web', 'benefits', 'events', 'mail', 'booking', 'queue', 'planning', 'intake', 'aids', 'evaluation'],
};

/** Where a module's files live: src/web for the web layer, src/modules/<name> for the others. */
const home = (name) => (name === 'web' ? 'src/web/' : `src/modules/${name}/`);
const escapeDots = (text) => text.replace(/[.]/g, '\\.');
const anyModule = '^src/(modules/[^/]+|web)/';

const directionRules = Object.entries(MODULES).map(([name, below]) => ({
  name: `direction-${name}`,
  comment: `${name} may import only ${below.length ? below.join(', ') : 'infrastructure'} (and itself)`,
  severity: 'error',
  from: { path: `^${escapeDots(home(name))}` },
  to: { path: anyModule, pathNot: `^(${[name, ...below].map((m) => escapeDots(home(m))).join('|')})` },
}));

module.exports = {
  forbidden: [
    ...directionRules,
    {
      name: 'unknown-module',
      comment: 'every folder under src/modules has a place in the direction list above',
      severity: 'error',
      from: {},
      to: { path: '^src/modules/[^/]+/', pathNot: `^src/modules/(${Object.keys(MODULES).filter((m) => m !== 'web').join('|')})/` },
    },
    {
      name: 'own-tables-only',
      comment: "a module's tables are imported only by its own files; others call its functions (table files may import lower modules' tables for foreign keys)",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.table\\.ts$' },
      to: { path: '\\.table\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-tables-in-web-or-wiring',
      comment: 'the web layer and the wiring (app.ts, server.ts) call the modules, never their tables',
      severity: 'error',
      from: { path: '^src/(web/|app\\.ts$|server\\.ts$)' },
      to: { path: '\\.table\\.ts$' },
    },
    {
      name: 'infrastructure-below-modules',
      comment: 'lib, db, plugins and config know no module; src/db/schema.ts, the drizzle-kit schema entry, is the one exception',
      severity: 'error',
      from: { path: '^src/(lib/|db/|plugins/|config\\.ts$)', pathNot: '^src/db/schema\\.ts$' },
      to: { path: '^src/(modules/|web/|app\\.ts$|server\\.ts$)' },
    },
    {
      name: 'schema-lists-tables-only',
      comment: 'src/db/schema.ts re-exports table files and nothing else',
      severity: 'error',
      from: { path: '^src/db/schema\\.ts$' },
      to: { path: '^src/modules/', pathNot: '\\.table\\.ts$' },
    },
    {
      name: 'nothing-imports-the-wiring',
      comment: 'app.ts is built by server.ts and the tests; server.ts is the entry point',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/server\\.ts$' },
      to: { path: '^src/(app|server)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no file-level cycles (the direction rules above keep modules free of cycles)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-test',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'src-not-to-dev-dependencies',
      comment: 'the server runs with production dependencies only',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-non-package-json',
      comment: 'every package used is declared in package.json',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
