import { describe, expect, it } from 'vitest';
import { checkpointPrefixOf, PREFIXES, SILVER_AGGREGATE_QUEUE } from '../src/index';

describe('the lake layout', () => {
  it('ends every prefix in / and gives each layer its own', () => {
    const prefixes = Object.values(PREFIXES);
    expect(prefixes.every((prefix) => prefix.endsWith('/'))).toBe(true);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('puts a checkpoint under its layer’s output prefix', () => {
    expect(checkpointPrefixOf(PREFIXES.gold)).toBe('gold/_checkpoint/');
  });

  it('keeps the aggregates’ queue within what an SQS event source mapping allows', () => {
    expect(SILVER_AGGREGATE_QUEUE.batchSize).toBeLessThanOrEqual(10_000);
    expect(SILVER_AGGREGATE_QUEUE.batchingWindowSeconds).toBeLessThanOrEqual(300);
    expect(SILVER_AGGREGATE_QUEUE.maxConcurrency).toBeGreaterThanOrEqual(2);
  });
});
