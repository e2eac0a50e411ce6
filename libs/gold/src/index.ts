export { handler } from './gold-handler';
export { goldLayer, GOLD_KEY, type GoldResult } from './gold-layer';
export { GoldAggregator } from './gold-aggregator';
export { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';
export { formatGoldCsv } from './gold-csv';
