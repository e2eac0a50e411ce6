import { createLayerHandler } from '@medallion/layer-runtime';
import { AGGREGATE_SETTINGS } from '@medallion/silver-aggregate';
import { goldLayer } from './gold-layer';

/**
 * The gold Lambda handler: `(event, context) => Promise<LayerInvocationReport<GoldResult>>`.
 * Takes silver manifests' events (`silver/_manifests/*.json`, created or deleted) as S3 event
 * notifications, EventBridge events or SQS batches of either, and brings the gold table up to date
 * once per invocation; see {@link goldLayer}. For an SQS batch it reports failed messages
 * (`batchItemFailures`) instead of throwing.
 * A bad value of one of the `AGGREGATE_SETTINGS` fails each invocation with its `InvalidSettingError`.
 */
export const handler = createLayerHandler(goldLayer, { settings: AGGREGATE_SETTINGS });
