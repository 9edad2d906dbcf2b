import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The recommended rules of ESLint and typescript-eslint, nothing about style.
export default defineConfig(
  { ignores: ['node_modules/', 'data/', 'migrations/', 'public/'] },
  { files: ['**/*.ts'], extends: [js.configs.recommended, tseslint.configs.recommended] },
);
