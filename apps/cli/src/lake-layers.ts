import type { S3Client } from '@aws-sdk/client-s3';
import { LAYER_LAYOUT, type LayerLayout } from '@medallion/lake-layout';
import type { EventRoute } from '@medallion/local-s3';

/**
 * The package holding a layer's code: `@medallion/<layer name>`, the layer lib (`libs/<name>`,
 * tagged `type:layer`) whose `handler` the layer's Lambda bundle re-exports. The CLI depends on
 * every `type:layer` project (`implicitDependencies` in its `project.json`), so the project graph
 * and `nx affected` see what this import cannot show them.
 *
 * @param layer - the layer's name in `LAYER_LAYOUT`, e.g. `gold`.
 * @returns the package name, e.g. `@medallion/gold`.
 */
export function layerPackageOf(layer: string): string {
  return `@medallion/${layer}`;
}

/** The part of a layer lib the local runner uses: the handler its Lambda bundle exports. */
interface LayerModule {
  readonly handler?: { readonly withS3Client?: unknown };
}

/**
 * A layer's exported handler on the runner's S3 client.
 *
 * @throws Error when the layer's package does not export a handler made by `createLayerHandler`.
 */
async function layerHandlerOf(layout: LayerLayout, s3: S3Client): Promise<EventRoute['handler']> {
  const specifier = layerPackageOf(layout.name);
  const module = (await import(/* @vite-ignore */ specifier)) as LayerModule;
  const withS3Client = module.handler?.withS3Client;
  if (typeof withS3Client !== 'function')
    throw new Error(`${specifier} exports no handler made by createLayerHandler (layer ${layout.name})`);
  return (withS3Client as (client: S3Client) => EventRoute['handler'])(s3);
}

/**
 * The route of one layer: its handler, triggered by the layer's own prefix and suffixes (as its AWS
 * rule is), one invocation at a time (map layers run so locally to keep runs reproducible); a layer
 * fed by a queue on AWS gets its waiting events as one SQS batch.
 */
function layerRoute(layout: LayerLayout, handler: EventRoute['handler']): EventRoute {
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
 * The layers the local runner delivers events to, one per entry of `LAYER_LAYOUT`, in its order:
 * the handler each layer lib exports (the one its Lambda bundle runs), given the runner's S3 client
 * (`withS3Client`), so nothing is passed through `process.env`; triggered by the same prefixes and
 * suffixes as their AWS rules. A layer added to the layout is routed with no other change.
 *
 * @param s3 - the client of the embedded store every handler uses.
 * @returns one route per layer (`name` is the layer's).
 * @throws Error when a layer's package (`layerPackageOf`) cannot be imported or exports no such handler.
 */
export async function loadLakeLayers(s3: S3Client): Promise<EventRoute[]> {
  return Promise.all(LAYER_LAYOUT.map(async (layout) => layerRoute(layout, await layerHandlerOf(layout, s3))));
}
