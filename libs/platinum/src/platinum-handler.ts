import { createLayerHandler } from '@medallion/layer-runtime';
import { platinumLayer } from './platinum-layer';

/**
 * The platinum Lambda handler: `(event, context) => Promise<LayerInvocationReport<PlatinumResult>>`.
 * Takes S3 event notifications or EventBridge "Object Created"/"Object Deleted" events for
 * `silver/_manifests/*` objects ending in .json; see {@link platinumLayer}. Throws
 * `LayerInvocationError` after the loop when any object failed, so that Lambda retries.
 */
export const handler = createLayerHandler(platinumLayer);
