// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that must never be imported by the domain modules (they stay framework-free). */
const FRAMEWORKS = [
  'astro',
  'astro:*',
  'astro/*',
  '@astrojs/*',
  'react',
  'react-dom',
  'react/*',
  'react-i18next',
  'formik',
  'fastify',
  '@fastify/*',
  'nodemailer',
  'nodemailer/*',
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'var/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro'],
    // Astro files are type-checked by `astro check`; the typed rules need a TS program ESLint's astro parser does not give.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    // Plain JS config files are not part of the TypeScript program.
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain is plain TypeScript: Astro, React, Fastify and nodemailer stay out, so it runs anywhere (browser, server, CLI).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: FRAMEWORKS, message: 'src/domain/ must stay free of framework imports.' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      // The server reaches into src/ only through the framework-free domain modules.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!domain/)',
              message: 'server/ may import from src/ only through src/domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests assert on loosely typed values (parsed e-mails, JSON bodies); unsafe member access there is intended.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      // Playwright and vitest fixtures are async by signature even when a test awaits nothing.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
