import nx from '@nx/eslint-plugin';

/** Tags: every project has one `type:` and one `scope:` tag (see README "Workspace rules"). */
const depConstraints = [
  // Lambda apps are shells over layer libs; nothing that ships to Lambda may reach the local store,
  // CLI libraries or the CDK.
  {
    sourceTag: 'type:lambda',
    onlyDependOnLibsWithTags: ['type:layer', 'type:runtime', 'type:io', 'type:domain'],
    bannedExternalImports: ['commander', 'cli-table3', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:layer', 'type:runtime', 'type:io', 'type:domain', 'type:local'],
  },
  // The CDK app deploys the bundles Nx built; it imports no Lambda code.
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain'] },
  {
    sourceTag: 'type:layer',
    onlyDependOnLibsWithTags: ['type:runtime', 'type:io', 'type:domain'],
    bannedExternalImports: ['commander', 'cli-table3', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'],
  },
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: ['type:runtime', 'type:io', 'type:domain'],
    bannedExternalImports: ['commander', 'cli-table3', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'],
  },
  {
    sourceTag: 'type:io',
    onlyDependOnLibsWithTags: ['type:io', 'type:domain'],
    bannedExternalImports: ['commander', 'cli-table3', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['commander', 'cli-table3', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', '@aws-sdk/*'],
  },
  { sourceTag: 'type:local', onlyDependOnLibsWithTags: ['type:io', 'type:domain'] },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:layer', 'type:runtime', 'type:io', 'type:domain', 'type:local', 'type:tool'],
  },
  // Layer libs of one scope never import another layer's lib.
  { sourceTag: 'scope:silver', onlyDependOnLibsWithTags: ['scope:silver', 'scope:shared'] },
  { sourceTag: 'scope:gold', onlyDependOnLibsWithTags: ['scope:gold', 'scope:shared'] },
  { sourceTag: 'scope:platinum', onlyDependOnLibsWithTags: ['scope:platinum', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:local', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:infra', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
];

/** A lib throwing a bare Error rather than one of its own (a RangeError stays the error for an argument out of range). */
const BARE_THROW = {
  selector: 'ThrowStatement > NewExpression[callee.name="Error"]',
  message: "Throw one of the lib's own errors (its errors.ts), not a bare Error.",
};

/** An error class declared outside its lib's errors.ts. */
const ERROR_CLASS_OUTSIDE_ERRORS_TS = {
  selector: 'ClassDeclaration[superClass.name=/Error$/]',
  message: "Error classes live in the lib's errors.ts, under its base class.",
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.medallion', '**/cdk.out', '**/tmp', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
    },
  },
  {
    // Tests may use the embedded local store and the fixtures of any lib of their scope.
    files: ['**/*.test.ts', '**/tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:lambda',
              onlyDependOnLibsWithTags: ['type:layer', 'type:runtime', 'type:io', 'type:domain', 'type:local'],
            },
            {
              sourceTag: 'type:layer',
              onlyDependOnLibsWithTags: ['type:runtime', 'type:io', 'type:domain', 'type:local'],
            },
            {
              sourceTag: 'type:runtime',
              onlyDependOnLibsWithTags: ['type:runtime', 'type:io', 'type:domain', 'type:local'],
            },
            { sourceTag: 'type:io', onlyDependOnLibsWithTags: ['type:io', 'type:domain', 'type:local'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:local', onlyDependOnLibsWithTags: ['*'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: [
                'type:layer',
                'type:runtime',
                'type:io',
                'type:domain',
                'type:local',
                'type:tool',
              ],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // No function over 40 lines in the libs (blank lines and comments not counted); tests aside.
    // `node tools/long-functions.mjs` counts the same way and lists the longest.
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/tests/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 40, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Columnar code indexes typed arrays in loops bounded by their lengths. Under noUncheckedIndexedAccess
    // each such read is `T | undefined`, and `!` is how the code says the index is in bounds.
    files: ['libs/parquet-io/src/**/*.ts', 'libs/customer-records/src/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Each lib's errors live in its errors.ts, under one base class (README "Workspace"), and a lib
    // throws only its own errors: a caller can catch everything one lib raises with one class.
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'libs/*/src/testing/**'],
    rules: { 'no-restricted-syntax': ['error', BARE_THROW] },
  },
  {
    files: ['libs/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'libs/*/src/testing/**', 'libs/*/src/errors.ts'],
    rules: { 'no-restricted-syntax': ['error', BARE_THROW, ERROR_CLASS_OUTSIDE_ERRORS_TS] },
  },
  {
    // Test-runner configuration shares the workspace's vitest settings by path.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
