import { createLayerHandler } from '@medallion/layer-runtime';
import { platinumLayer } from './platinum-layer';

/**
 * The platinum Lambda handler: `(event, context) => Promise<LayerInvocationReport<PlatinumResult>>`.
 * Takes silver manifests' events (`silver/_manifests/*.json`, created or deleted) as S3 event
 * notifications, EventBridge events or SQS batches of either; see {@link platinumLayer}. For an SQS
 * batch it reports failed messages (`batchItemFailures`); otherwise it throws, so that Lambda retries.
 */
export const handler = createLayerHandler(platinumLayer);
