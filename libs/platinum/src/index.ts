export { handler } from './platinum-handler';
export {
  platinumLayer,
  PLATINUM_CATALOG_KEY,
  PLATINUM_KEY,
  PLATINUM_MANIFEST_KEY,
  type PlatinumResult,
} from './platinum-layer';
export { platinumRowsOf, type PlatinumRow } from './platinum-rows';
export { formatPlatinumCsv, PLATINUM_COLUMNS } from './platinum-csv';
export { formatSubscriptionRate } from './subscription-rate';
