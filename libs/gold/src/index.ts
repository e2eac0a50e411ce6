export { handler } from './gold-handler';
export { createGoldLayer, goldLayer, GOLD_KEY, type GoldResult } from './gold-layer';
export { goldRowsOf, type GoldTableRow } from './gold-rows';
export { formatGoldCsv } from './gold-csv';
export { encodeRegionCustomers, GOLD_REGION_CUSTOMERS_KEY } from './gold-region-customers';
