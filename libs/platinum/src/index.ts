export { handler } from './platinum-handler';
export { platinumLayer, PLATINUM_KEY, PLATINUM_MANIFEST_KEY, type PlatinumManifest, type PlatinumResult } from './platinum-layer';
export { PlatinumAggregator, type PlatinumRow } from './platinum-transform';
export { formatPlatinumCsv, PLATINUM_COLUMNS } from './platinum-csv';
export { formatSubscriptionRate } from './subscription-rate';
