import { checkpointPrefixOf, PREFIXES as LAKE_PREFIXES, SILVER_AGGREGATE_QUEUE } from '@medallion/lake-layout';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS, PREFIXES } from '../src/lake-layout';

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

describe("the infra app's layout agrees with @medallion/lake-layout", () => {
  it('has the same prefixes', () => {
    expect(PREFIXES).toEqual(LAKE_PREFIXES);
  });

  it('gives each queued layer the aggregates’ queue and its checkpoint under its own prefix', () => {
    for (const layer of LAYERS) {
      if (layer.queue) {
        expect(layer.queue.batchSize).toBe(SILVER_AGGREGATE_QUEUE.batchSize);
        expect(layer.queue.batchingWindow.toSeconds()).toBe(SILVER_AGGREGATE_QUEUE.batchingWindowSeconds);
        expect(layer.queue.maxConcurrency).toBe(SILVER_AGGREGATE_QUEUE.maxConcurrency);
      }
      if (layer.checkpointPrefix !== undefined) {
        expect(layer.checkpointPrefix).toBe(checkpointPrefixOf(layer.writePrefixes[0] ?? ''));
        expect(layer.deletePrefixes).toEqual([`${layer.checkpointPrefix}segments/`]);
      }
    }
  });

  it('names a built Nx project (with a build target) for every layer', () => {
    for (const layer of LAYERS) {
      const projectJson = `${WORKSPACE}apps/${layer.project}/project.json`;
      expect(existsSync(projectJson), projectJson).toBe(true);
      const project = JSON.parse(readFileSync(projectJson, 'utf8')) as {
        name: string;
        targets?: Record<string, unknown>;
      };
      expect(project.name).toBe(layer.project);
      expect(project.targets?.['build']).toBeDefined();
    }
  });
});
