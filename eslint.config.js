import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The recommended rules of ESLint and typescript-eslint, nothing about style.
export default defineConfig(
  { ignores: ['node_modules/', 'data/', 'migrations/', 'public/'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.cjs'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // `const { secret: _secret, ...rest } = row` is how a field is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
);
