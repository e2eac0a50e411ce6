import { handler as goldHandler } from '@medallion/gold';
import { LAYER_LAYOUT, type LayerLayout } from '@medallion/lake-layout';
import type { EventRoute } from '@medallion/local-s3';
import { handler as platinumHandler } from '@medallion/platinum';
import { handler as silverHandler } from '@medallion/silver';

/** One layer's Lambda handler, by the layer's name in `LAYER_LAYOUT`. */
export interface LayerHandler {
  /** The layer's name, e.g. `gold`. */
  readonly layer: string;
  /** The handler the layer's Lambda bundle exports. */
  readonly handler: EventRoute['handler'];
}

/**
 * The handler of each layer of `LAYER_LAYOUT` (the only thing the layout cannot hold: code).
 * `nx g @medallion/tools:layer` adds each new layer here (an import and an entry).
 */
export const LAYER_HANDLERS: readonly LayerHandler[] = [
  { layer: 'silver', handler: silverHandler },
  { layer: 'gold', handler: goldHandler },
  { layer: 'platinum', handler: platinumHandler },
];

/**
 * The route of one layer: the handler the Lambda bundle exports, triggered by the layer's own
 * prefix and suffixes (as its AWS rule is), one invocation at a time (map layers run so locally to
 * keep runs reproducible); a layer fed by a queue on AWS gets its waiting events as one SQS batch.
 *
 * @param layout - the layer's entry in `LAYER_LAYOUT` (its name, input prefix, suffixes, removals, queue).
 * @returns the event route.
 * @throws Error when no entry of {@link LAYER_HANDLERS} is the layer's.
 */
function layerRoute(layout: LayerLayout): EventRoute {
  const handler = LAYER_HANDLERS.find((entry) => entry.layer === layout.name)?.handler;
  if (!handler) throw new Error(`no handler for layer ${layout.name} in LAYER_HANDLERS (apps/cli/src/lake-layers.ts)`);
  return {
    name: layout.name,
    inputPrefix: layout.inputPrefix,
    inputSuffixes: layout.inputSuffixes,
    acceptsRemovals: layout.acceptsRemovals,
    handler,
    concurrency: 1,
    ...(layout.queue ? { queue: layout.queue } : {}),
  };
}

/**
 * The layers the local runner delivers events to, one per entry of `LAYER_LAYOUT`: the same
 * handler functions the Lambda bundles export, triggered by the same prefixes and suffixes as
 * their AWS rules.
 */
export const LAKE_LAYERS: readonly EventRoute[] = LAYER_LAYOUT.map(layerRoute);
