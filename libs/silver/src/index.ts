export { InvalidSettingError } from '@medallion/silver-rules';
export { ContendedManifestError, NotABronzeKeyError, SilverError } from './errors';
export { handler } from './silver-handler';
export { SILVER_SETTINGS } from './silver-settings';
export { createSilverLayer, silverLayer } from './silver-layer';
export { SilverTransform, type SilverOutput } from './silver-transform';
export { silverKeysFor, type SilverKeys } from './silver-keys';
export { countsOf } from './silver-result';
export type {
  SilverCounts,
  SilverProcessed,
  SilverRejected,
  SilverRemoved,
  SilverResult,
  SilverStale,
} from './silver-result';
export { transformSilverBatch, type SilverBatchResult, type SilverBatchTask } from './silver-batch';
