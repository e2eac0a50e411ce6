/**
 * The gold Lambda (Node.js 22, ESM): `handler(event, context)` for S3 event notifications or
 * EventBridge "Object Created" events on `silver/*.csv`. It recomputes
 * `gold/customers_by_region.csv` from all of `silver/`. Run it one at a time (reserved
 * concurrency 1) so that two recomputes never race.
 * Environment: `AWS_REGION` (set by Lambda); `MEDALLION_S3_ENDPOINT` only off AWS;
 * `POWERTOOLS_LOG_LEVEL` (default INFO).
 */
export { handler } from '@medallion/gold';
