import { goldLayer, handler as goldHandler } from '@medallion/gold';
import type { LayerDefinition } from '@medallion/layer-runtime';
import type { EventRoute } from '@medallion/local-s3';
import { handler as platinumHandler, platinumLayer } from '@medallion/platinum';
import { handler as silverHandler, silverLayer } from '@medallion/silver';

/**
 * The route of one layer: the handler the Lambda bundle exports, triggered by the layer's own
 * prefix and suffixes (as its AWS rule is), one invocation at a time (map layers run so locally to
 * keep runs reproducible); a layer fed by a queue on AWS gets its waiting events as one SQS batch.
 *
 * @param layer - the layer definition (its name, input prefix, suffixes and removals).
 * @param handler - the layer's Lambda handler.
 * @returns the event route.
 */
function layerRoute(layer: LayerDefinition<unknown>, handler: EventRoute['handler']): EventRoute {
  const queue = layer.kind === 'aggregate' ? layer.queue : undefined;
  return {
    name: layer.name,
    inputPrefix: layer.inputPrefix,
    inputSuffixes: layer.inputSuffixes,
    acceptsRemovals: layer.acceptsRemovals,
    handler,
    concurrency: 1,
    ...(queue ? { queue } : {}),
  };
}

/**
 * The layers the local runner delivers events to: the same handler functions the Lambda bundles
 * export, triggered by the same prefixes and suffixes as their AWS rules. `nx g @medallion/tools:layer`
 * adds each new layer here (an import and an entry).
 */
export const LAKE_LAYERS: readonly EventRoute[] = [
  layerRoute(silverLayer, silverHandler),
  layerRoute(goldLayer, goldHandler),
  layerRoute(platinumLayer, platinumHandler),
];
