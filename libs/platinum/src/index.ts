export { handler } from './platinum-handler';
export { platinumLayer, type PlatinumResult } from './platinum-layer';
export { PlatinumAggregator } from './platinum-transform';
