// ESLint flat config: typescript-eslint recommended rules plus the layering
// rules of DESIGN.md (Layout), so review does not have to enforce them.
import tseslint from 'typescript-eslint'

const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload import electron.',
}
// zod is configured once (jitless, for the CSP) in shared/zod.ts; everything imports z from there.
const noZod = {
  name: 'zod',
  message: 'Import z from shared/zod.ts, which configures zod for the CSP.',
}
const sharedPatterns = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'crypto'],
    message: 'shared/ is pure TypeScript: no Node.',
  },
  {
    group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
    message: 'shared/ imports nothing else of ours.',
  },
]

/** One no-restricted-imports rule for a set of files. */
function restrict(files, paths, patterns = []) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } }
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
      'resources/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  restrict(['shared/**/*.ts'], [noElectron, noZod], sharedPatterns),
  restrict(['shared/zod.ts'], [noElectron], sharedPatterns),
  restrict(
    ['renderer/**/*.{ts,tsx}'],
    [noElectron, noZod],
    [
      { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
      { group: ['node:*'], message: 'The renderer has no Node.' },
    ],
  ),
  restrict(
    [
      'electron/core/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/webhost/**/*.ts',
      'electron/engine/**/*.ts',
    ],
    [noElectron, noZod],
    [{ group: ['**/renderer/**'], message: 'Node code never imports the renderer.' }],
  ),
  restrict(['electron/main/**/*.ts', 'electron/preload/**/*.ts'], [noZod]),
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
