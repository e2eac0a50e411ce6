export { handler } from './gold-handler';
export { goldLayer, GOLD_KEY, type GoldResult } from './gold-layer';
export { GoldAggregator } from './gold-aggregator';
export { formatGoldCsv } from './gold-csv';
