// Lint rules, including the per-folder import boundaries of docs/ARCHITECTURE.md.
import tseslint from 'typescript-eslint';

const pureBans = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'],
      message: 'domain is pure: no Node APIs',
    },
    {
      group: ['pg', '@electric-sql/*', 'fastify', 'fastify/*', '@fastify/*'],
      message: 'domain is pure: no drivers or frameworks',
    },
    {
      group: ['**/app/**', '**/db/**', '**/api/**', '**/cli/**', '**/extract/**'],
      message: 'domain imports only itself',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.accordance/**', '.test-data/**', 'scripts/tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts', 'src/domain/testing/**'],
    rules: {
      'no-restricted-imports': ['error', pureBans],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'domain takes its inputs as arguments' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is an argument (asOf).',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is an argument (asOf).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'domain is deterministic',
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['pg', '@electric-sql/*', 'fastify', '@fastify/*'],
              message: 'app owns ports; adapters live in db/ and api/',
            },
            {
              group: ['**/db/**', '**/api/**', '**/cli/**', '**/extract/**'],
              message: 'app imports only domain',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts', 'src/extract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/**', '**/cli/**', '**/web/**'],
              message: 'adapters do not import delivery layers',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.ts', 'src/cli/**/*.ts'],
    // Tests compose adapters the way main.ts does.
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/**', '**/extract/**'], message: 'adapters are wired only in src/main.ts' },
            { group: ['**/web/**'], message: 'no web imports on the server' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/app/**', '**/src/db/**', '**/src/extract/**'],
              message: 'web speaks only to the API',
            },
          ],
        },
      ],
    },
  },
  // Tool configuration files must default-export their config.
  { files: ['**/*.config.{js,ts}'], rules: { 'no-restricted-syntax': 'off' } },
);
