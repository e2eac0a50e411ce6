import { goldLayer, handler as goldHandler } from '@medallion/gold';
import type { EventRoute } from '@medallion/local-s3';
import { handler as silverHandler, silverLayer } from '@medallion/silver';

/**
 * The layers the local runner delivers events to: the same handler functions the Lambda bundles
 * export, triggered by the same prefixes and suffixes as their AWS rules, with the concurrency they
 * have on AWS (gold one at a time). A new layer app registers its handler here.
 */
export const LAKE_LAYERS: readonly EventRoute[] = [
  { name: silverLayer.name, inputPrefix: silverLayer.inputPrefix, inputSuffixes: silverLayer.inputSuffixes, acceptsRemovals: silverLayer.acceptsRemovals, handler: silverHandler, concurrency: 1 },
  { name: goldLayer.name, inputPrefix: goldLayer.inputPrefix, inputSuffixes: goldLayer.inputSuffixes, acceptsRemovals: goldLayer.acceptsRemovals, handler: goldHandler, concurrency: 1 },
];
