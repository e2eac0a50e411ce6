/**
 * The version of the layer code that wrote an output, recorded in manifests: the deployment's
 * `MEDALLION_CODE_VERSION` (the infra sets it to the bundle's content hash), else `local`.
 *
 * @returns e.g. `3f1c…` or `local`.
 */
export function codeVersion(): string {
  return process.env['MEDALLION_CODE_VERSION'] ?? 'local';
}
