/**
 * The silver Lambda (Node.js 24, ESM): `handler(event, context)` for S3 event notifications or
 * EventBridge "Object Created" events on `bronze/*.csv`. It writes `silver/<path>.csv`, and
 * `quarantine/<path>.csv` or `quarantine/<path>.error.json` when rows or the file are refused.
 * Environment: `AWS_REGION` (set by Lambda); `MEDALLION_S3_ENDPOINT` only off AWS;
 * `POWERTOOLS_LOG_LEVEL` (default INFO); the `MEDALLION_*` settings of `SILVER_SETTINGS` (README
 * "Settings"), each checked at every invocation: a bad value fails it, naming the variable.
 */
export { handler } from '@medallion/silver';
