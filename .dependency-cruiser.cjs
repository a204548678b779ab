// @ts-check
/* global module -- a CommonJS file: dependency-cruiser loads its config with require */
// Module boundaries of the repository, checked by `npm run check` (dependency-cruiser).
// Server modules live in packages/server/src/<group>/<module>/ (or <group>/<file>.ts for the
// platform's single-file modules); the composition root (src/*.ts, src/cli/) may import anything.
// dependency-cruiser validates the file graph only (its --collapse is for reports), so module
// cycles are ruled out by a declared order: a module may use only modules listed before it.

/** Modules of each group, lowest first. A new module goes into its group's list. */
const MODULE_ORDER = {
  platform: [
    'clock',
    'logger',
    'periodic',
    'errors',
    'config',
    'db',
    'audit',
    'bus',
    'outbox',
    'push',
    'context',
    'http',
    'ballot-box',
    'health',
    'realtime',
  ],
  membership: ['auth', 'areas', 'invites', 'members', 'account', 'groups', 'city', 'push'],
  'rapid-response': [
    'shifts',
    'incidents',
    'alerts',
    'photos',
    'plates',
    'dispatch',
    'reports',
    'feed',
    'retention',
    'stats',
  ],
  organizing: [
    'assemblies',
    'pledges',
    'elections',
    'council',
    'mutual-aid',
    'canvassing',
    'bulletin',
    'events',
  ],
};

// Both the repository and the test's planted fixture are cruised with these rules, from their root.
const SRC = '^packages/server/src/';
const GROUP = '(platform|membership|rapid-response|organizing)';
/** A file of a module: a folder, or one of the platform's single files; captures group and module. */
const MODULE_FILE = `${SRC}${GROUP}/([^/]+?)(?:\\.ts$|/)`;

/** One rule per module: it may use modules listed before it in its group, never those after. */
function moduleOrderRules() {
  return Object.entries(MODULE_ORDER)
    .flatMap(([group, modules]) =>
      modules.map((module, i) => {
        const later = modules.slice(i + 1);
        return later.length === 0
          ? null
          : {
              name: 'no-module-cycle',
              comment:
                `${group}/${module} may use only the ${group} modules listed before it in ` +
                'MODULE_ORDER (.dependency-cruiser.cjs); that order is what keeps module pairs ' +
                'from importing each other. Move the code down, or pass a callback in.',
              severity: 'error',
              from: { path: `${SRC}${group}/${module}(?:\\.ts$|/)` },
              to: { path: `${SRC}${group}/(?:${later.join('|')})(?:\\.ts$|/)` },
            };
      }),
    )
    .filter((rule) => rule !== null);
}

const listed = Object.entries(MODULE_ORDER).flatMap(([group, modules]) =>
  modules.map((module) => `${SRC}${group}/${module}(?:\\.ts$|/)`),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-upward-import',
      comment:
        'Dependencies run platform <- membership <- rapid-response / organizing: the platform ' +
        'names no group.',
      severity: 'error',
      from: { path: `${SRC}platform/` },
      to: { path: `${SRC}(membership|rapid-response|organizing)/` },
    },
    {
      name: 'no-upward-import',
      comment: 'Membership never uses rapid-response or organizing (they build on it).',
      severity: 'error',
      from: { path: `${SRC}membership/` },
      to: { path: `${SRC}(rapid-response|organizing)/` },
    },
    {
      name: 'halves-independent',
      comment:
        'Rapid-response and organizing are the two halves of the product: neither imports the other.',
      severity: 'error',
      from: { path: `${SRC}(rapid-response|organizing)/` },
      to: { path: `${SRC}(rapid-response|organizing)/`, pathNot: `${SRC}$1/` },
    },
    {
      name: 'no-deep-import',
      comment:
        'Within a group a module uses another only through its index.ts (the public surface); ' +
        'add the name to that index (the boundaries codemod does it) and import the folder.',
      severity: 'error',
      from: { path: MODULE_FILE },
      to: {
        path: `${SRC}$1/[^/]+/`,
        pathNot: [`${SRC}$1/$2/`, `${SRC}$1/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'cross-group-via-group-index',
      comment:
        "Across groups a module uses another group only through that group's index.ts " +
        '(membership/index.ts, platform/index.ts, ...).',
      severity: 'error',
      from: { path: MODULE_FILE },
      to: {
        path: `${SRC}${GROUP}/`,
        pathNot: [`${SRC}$1/`, `${SRC}${GROUP}/index\\.ts$`],
      },
    },
    {
      name: 'no-own-group-index',
      comment:
        "A module never imports its own group's index.ts: that index imports the module back (a cycle).",
      severity: 'error',
      from: { path: MODULE_FILE },
      to: { path: `${SRC}$1/index\\.ts$` },
    },
    {
      name: 'module-listed',
      comment:
        'Every server module is listed in MODULE_ORDER (.dependency-cruiser.cjs), so the order ' +
        'that rules out module cycles covers it.',
      severity: 'error',
      from: { path: MODULE_FILE, pathNot: [...listed, `${SRC}${GROUP}/index\\.ts$`] },
      to: {},
    },
    ...moduleOrderRules(),
    {
      name: 'modules-not-import-root',
      comment:
        'Only the composition root (src/app.ts, server.ts, main.ts, context.ts, cli/) wires modules ' +
        'together; no module imports it.',
      severity: 'error',
      from: { path: `${SRC}${GROUP}/` },
      to: { path: `${SRC}(?:[^/]+\\.ts$|cli/)` },
    },
    {
      name: 'no-file-cycle',
      comment: 'No two source files import each other, directly or through others.',
      severity: 'error',
      from: { path: '^packages/(?:server|core)/src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment:
        'packages/core is pure domain logic: it imports nothing from the server or the web app.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^(?:packages/(?:server|web)/|@tocsin/(?:server|web))' },
    },
    {
      name: 'web-not-server',
      comment:
        'The web app talks to the server over HTTP and the stream only; it imports no server code.',
      severity: 'error',
      // The end-to-end tests (packages/web/e2e) start a real server; the app itself never does.
      from: { path: '^packages/web/src/' },
      to: { path: '^(?:packages/server/|@tocsin/server)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(?:^|/)node_modules/|^packages/server/test/fixtures/boundaries/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
