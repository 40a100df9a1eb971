// Flat ESLint config for the whole workspace; every project lints with --max-warnings=0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.tools/**', '**/.data/**', '**/coverage/**', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    // NestJS and TypeORM read constructor parameter types at run time (emitDecoratorMetadata):
    // a type-only import there would remove the class that dependency injection needs.
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts', 'libs/domain/src/entities/**/*.ts', 'libs/notifications/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Processes never import each other's workflow files: a linked case goes through the other process's messages.
    files: ['libs/workflows/src/workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*.workflow'], message: "Import the other process's messages file (<process>.messages), not its workflow." }] },
      ],
    },
  },
  {
    files: ['infra/**/*.mjs', 'bench/**/*.mjs', '**/*.config.{js,mjs,cjs}', 'jest.preset.js', '**/test/**/*.ts', '**/scripts/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
