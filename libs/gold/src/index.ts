export { handler } from './gold-handler';
export { createGoldLayer, goldLayer, GOLD_KEY, type GoldLayerOptions, type GoldResult } from './gold-layer';
export { GoldAggregator } from './gold-aggregator';
export { extractGoldKeys, type GoldBatchKeys, type GoldBatchTask } from './gold-batch';
export { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';
export { formatGoldCsv } from './gold-csv';
