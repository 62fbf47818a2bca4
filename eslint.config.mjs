import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise is awaited, returned or handed to something that expects one.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The core is pure: no spreadsheet engine, no host, no UI, no file system, no adapter.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'exceljs',
            'jszip',
            'office',
            'office-js',
            'react',
            'react-dom',
            'fs',
            'node:fs',
            'fs/promises',
            'path',
            'node:path',
            'child_process',
            'docx',
            '@e965/xlsx',
          ].map((name) => ({ name, message: 'src/core is pure: adapters do I/O.' })),
          patterns: [
            {
              group: ['@fluentui/*', 'react/*', 'node:*'],
              message: 'src/core is pure: adapters do I/O.',
            },
            {
              group: [
                '**/xlsx',
                '**/xlsx/**',
                '**/excel',
                '**/excel/**',
                '**/cli',
                '**/cli/**',
                '**/docx',
                '**/docx/**',
                '**/taskpane/**',
                '**/commands/**',
                '**/web/**',
              ],
              message: 'src/core must not import an adapter (src/xlsx, src/excel, src/cli …).',
            },
          ],
        },
      ],
    },
  },
  {
    // The command line reads and writes workbooks only through the ExcelJS adapter (src/xlsx).
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'jszip'].map((name) => ({
            name,
            message: 'src/cli uses ExcelJS only through src/xlsx.',
          })),
        },
      ],
    },
  },
  {
    // The ExcelJS adapter runs in the browser too: no file system, no Node-only module.
    files: ['src/xlsx/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'fs/promises', 'path', 'os', 'child_process', 'stream', 'buffer'].map(
            (name) => ({ name, message: 'src/xlsx runs in the browser: no Node-only API.' }),
          ),
          patterns: [
            { group: ['node:*'], message: 'src/xlsx runs in the browser: no Node-only API.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'src/xlsx runs in the browser: use Uint8Array.' },
        { name: 'process', message: 'src/xlsx runs in the browser.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
