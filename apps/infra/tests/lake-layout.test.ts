import { LAYER_LAYOUT } from '@medallion/lake-layout';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../src/lake-layout';

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

describe("the infra app's layers derive from @medallion/lake-layout", () => {
  it('makes one spec per layout entry, seconds as Durations', () => {
    expect(LAYERS.map((layer) => layer.name)).toEqual(LAYER_LAYOUT.map((layout) => layout.name));
    LAYERS.forEach((layer, index) => {
      const layout = LAYER_LAYOUT[index]!;
      expect(layer.memorySize).toBe(layout.memoryMb);
      expect(layer.timeout.toSeconds()).toBe(layout.timeoutSeconds);
      expect(layer.queue?.batchingWindow.toSeconds()).toBe(layout.queue?.batchingWindowSeconds);
      expect(layer.queue?.batchSize).toBe(layout.queue?.batchSize);
      expect(layer.checkpointPrefix).toBe(layout.checkpointPrefix);
      expect(layer.reservedConcurrency).toBe(layout.reservedConcurrency);
      expect([layer.inputPrefix, layer.writePrefixes, layer.deletePrefixes]).toEqual([
        layout.inputPrefix,
        layout.writePrefixes,
        layout.deletePrefixes,
      ]);
    });
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
