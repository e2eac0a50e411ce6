import { createLayerHandler } from '@medallion/layer-runtime';
import { AGGREGATE_SETTINGS } from '@medallion/silver-aggregate';
import { platinumLayer } from './platinum-layer';

/**
 * The platinum Lambda handler: `(event, context) => Promise<LayerInvocationReport<PlatinumResult>>`.
 * Takes silver manifests' events (`silver/_manifests/*.json`, created or deleted) as S3 event
 * notifications, EventBridge events or SQS batches of either; see {@link platinumLayer}. For an SQS
 * batch it reports failed messages (`batchItemFailures`); otherwise it throws, so that Lambda retries.
 * A bad value of one of the `AGGREGATE_SETTINGS` fails each invocation with its `InvalidSettingError`.
 */
export const handler = createLayerHandler(platinumLayer, { settings: AGGREGATE_SETTINGS });
