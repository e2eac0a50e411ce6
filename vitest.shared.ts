import { defineConfig } from 'vitest/config';

/**
 * Vitest settings every project shares. Workers get `--openssl-legacy-provider` because the
 * embedded S3 server (s3rver) encrypts ListObjectsV2 continuation tokens with DES, which Node 20's
 * OpenSSL 3 refuses otherwise (listings over 1,000 keys fail with HTTP 500).
 */
export const sharedTestConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: ['--openssl-legacy-provider'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
