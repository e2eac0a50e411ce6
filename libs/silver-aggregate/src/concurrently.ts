import { mapInOrder } from '@medallion/worker-pool';

async function* each<Item>(items: readonly Item[]): AsyncGenerator<Item> {
  yield* items;
}

/**
 * Runs `run` on every item with at most `limit` at once (S3 requests of many small objects).
 *
 * @returns the results, in the items' order.
 * @throws the first failure, in item order.
 */
export async function concurrently<Item, Result>(
  items: readonly Item[],
  limit: number,
  run: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = [];
  for await (const result of mapInOrder(each(items), run, limit)) results.push(result);
  return results;
}
