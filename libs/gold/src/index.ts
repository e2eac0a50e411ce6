export { handler } from './gold-handler';
export { createGoldLayer, goldLayer, GOLD_KEY, type GoldLayerOptions, type GoldResult } from './gold-layer';
export { GoldAggregator } from './gold-aggregator';
export { formatGoldCsv } from './gold-csv';
