import { handler as goldHandler } from '@medallion/gold';
import type { EventRoute } from '@medallion/local-s3';
import { handler as silverHandler } from '@medallion/silver';

/**
 * The layers the local runner delivers events to: the same handler functions the Lambda bundles
 * export, with the concurrency they have on AWS. A new layer app registers its handler here.
 */
export const LAKE_LAYERS: readonly EventRoute[] = [
  { name: 'silver', inputPrefix: 'bronze/', handler: silverHandler, concurrency: 1 },
  { name: 'gold', inputPrefix: 'silver/', handler: goldHandler, concurrency: 1 },
];
