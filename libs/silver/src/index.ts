export { handler } from './silver-handler';
export { createSilverLayer, silverLayer, type SilverLayerOptions } from './silver-layer';
export { SilverTransform, type SilverOutput } from './silver-transform';
export { silverKeysFor, type SilverKeys } from './silver-keys';
export type { SilverCounts, SilverResult } from './silver-result';
