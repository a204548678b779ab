// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Named in every message of the rule below, so a failure says which rule it broke. */
const SQL_RULE = 'sql-in-repositories';
const QUERY_BUILDERS =
  '/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)$/';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '.test-cache/**',
      'test-results/**',
      // Plain service-worker script copied as is; it has no TypeScript project to lint with.
      'packages/web/public/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '.dependency-cruiser.cjs', 'packages/server/bin/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // SQL lives in repositories only; services orchestrate (docs/ARCHITECTURE.md). The platform's
    // database layer and its audit writer are repositories in all but name.
    files: ['packages/server/src/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.test.ts',
      'packages/server/src/platform/db/**',
      'packages/server/src/platform/audit.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              importNames: ['sql'],
              message: `${SQL_RULE}: raw SQL belongs in a *.repository.ts file.`,
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${QUERY_BUILDERS}]`,
          message: `${SQL_RULE}: build this query in the module's *.repository.ts and call it from here.`,
        },
        {
          selector: 'CallExpression[callee.property.name=/^execute(TakeFirst(OrThrow)?)?$/]',
          message: `${SQL_RULE}: run queries in the module's *.repository.ts.`,
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: `${SQL_RULE}: raw SQL belongs in a *.repository.ts file.`,
        },
      ],
    },
  },
);
