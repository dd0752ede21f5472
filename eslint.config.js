import tseslint from 'typescript-eslint';

/*
 * Lint with type information, and the layer boundaries of docs/architecture.md as rules, so a
 * wrong import fails `npm run lint` rather than waiting for a reviewer.
 */

/** Import paths that reach into one of these top-level folders of src/. */
const into = (...folders) => `(^|/)(${folders.join('|')})/`;

/** Import paths into src/db other than a feature's queries or commands, or the client (its lock, its roles). */
const dbInternals = `(^|/)db/(?!(people|plan|imports|board|measures|publishing|risks|case-audits|search|meetings|limits|inspections|projects|programmes|data-versions|catalogue)/(queries|commands)\\.ts$)(?!client\\.ts$)(?!data-folder-lock\\.ts$)(?!roles\\.ts$)`;

const boundaries = [
  {
    // Pure rules: no I/O, no framework, nothing of the layers that use them.
    files: ['src/domain/**/*.ts'],
    message: 'src/domain holds pure rules: it imports nothing outside src/domain (see docs/architecture.md).',
    regex: `${into('db', 'web', 'import', 'reports', 'mail', 'cli', 'demo')}|^\\.\\./(\\.\\./)*(config|clock|app|cli)\\.ts$`,
    paths: [
      'node:fs',
      'node:fs/promises',
      'node:child_process',
      'node:net',
      'pg',
      '@electric-sql/pglite',
      'drizzle-orm',
      'fastify',
    ],
  },
  {
    // Data access: no pages, no parsing of documents, no rendering of papers.
    files: ['src/db/**/*.ts'],
    message: 'src/db is data access: it imports nothing of web, import, reports, mail, cli or demo.',
    regex: into('web', 'import', 'reports', 'mail', 'cli', 'demo'),
  },
  {
    // Readers of documents and data, and writers of papers: pure of storage and pages.
    files: ['src/import/**/*.ts', 'src/reports/**/*.ts'],
    message:
      'src/import and src/reports read and write documents: they import nothing of db, web, mail or cli.',
    regex: into('db', 'web', 'mail', 'cli', 'demo'),
  },
  {
    files: ['src/mail/**/*.ts'],
    message:
      'src/mail sends e-mail: it imports nothing of web or cli (links are given to it), and reaches the data only through queries.ts or commands.ts.',
    regex: `${into('web', 'cli', 'demo')}|${dbInternals}`,
  },
  {
    // The composition root, the command line and the demo use the data as the routes do.
    files: ['src/cli/**/*.ts', 'src/demo/**/*.ts', 'src/cli.ts', 'src/app.ts'],
    message:
      'Outside src/db, the data is reached only through src/db/<feature>/queries.ts or commands.ts (and db/client.ts).',
    regex: dbInternals,
  },
  {
    // Routes reach the data only through a feature's queries and commands modules.
    files: ['src/web/**/*.ts'],
    message:
      'Routes reach the data only through src/db/<feature>/queries.ts or commands.ts: no schema, no generic write helpers.',
    regex: `(^|/)db/(?!(people|plan|imports|board|measures|publishing|risks|case-audits|search|meetings|limits|inspections|projects|programmes|data-versions|catalogue)/(queries|commands)\\.ts$)(?!client\\.ts$)`,
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', '.cache/', 'src/db/migrations/', 'test/lint-fixtures/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() returns a promise the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['test', 'it', 'describe', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries.map(({ files, message, regex, paths = [] }) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: paths.map((name) => ({ name, message })), patterns: [{ regex, message }] },
      ],
    },
  })),
  {
    // Time is a dependency: only src/clock.ts reads the machine's clock.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from the clock (app.clock or the Clock given to you), not new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from the clock (app.clock or the Clock given to you), not Date.now().',
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
