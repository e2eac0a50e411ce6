import { describe, expect, it } from 'vitest';
import { checkpointPrefixOf, LAYER_LAYOUT, layerLayoutOf, PREFIXES, UnknownLayerError } from '../src/index';

describe('LAYER_LAYOUT', () => {
  it('names each layer once, in trigger order', () => {
    expect(LAYER_LAYOUT.map((layer) => [layer.name, layer.project])).toEqual([
      ['silver', 'silver-lambda'],
      ['gold', 'gold-lambda'],
      ['platinum', 'platinum-lambda'],
    ]);
  });

  it("triggers silver on bronze CSV and the aggregates on silver's manifests", () => {
    expect(layerLayoutOf('silver')).toMatchObject({
      inputPrefix: PREFIXES.bronze,
      inputSuffixes: ['.csv', '.CSV'],
      outputPrefix: PREFIXES.silver,
      timeoutSeconds: 900,
    });
    expect(layerLayoutOf('gold')).toMatchObject({
      inputPrefix: PREFIXES.silverManifests,
      inputSuffixes: ['.json'],
      outputPrefix: PREFIXES.gold,
      timeoutSeconds: 600,
    });
  });

  it("gives platinum gold's rights and sizing over its own prefix, field for field", () => {
    expect(layerLayoutOf('platinum')).toEqual({
      name: 'platinum',
      project: 'platinum-lambda',
      inputPrefix: 'silver/_manifests/',
      inputSuffixes: ['.json'],
      acceptsRemovals: true,
      outputPrefix: 'platinum/',
      readPrefixes: ['silver/', 'silver-customers/', 'platinum/'],
      readsVersions: true,
      listPrefixes: ['silver/_manifests/', 'platinum/_checkpoint/segments/'],
      writePrefixes: ['platinum/'],
      deletePrefixes: ['platinum/_checkpoint/segments/'],
      memoryMb: 1769,
      timeoutSeconds: 600,
      queue: { batchSize: 1000, batchingWindowSeconds: 2, maxConcurrency: 2 },
      checkpointPrefix: 'platinum/_checkpoint/',
    });
  });

  it("keeps each queued layer's checkpoint under its own output prefix, its segments the only deletes", () => {
    for (const layer of LAYER_LAYOUT) {
      if (layer.checkpointPrefix === undefined) continue;
      expect(layer.checkpointPrefix).toBe(checkpointPrefixOf(layer.outputPrefix));
      expect(layer.writePrefixes).toEqual([layer.outputPrefix]);
      expect(layer.deletePrefixes).toEqual([`${layer.checkpointPrefix}segments/`]);
    }
  });

  it('refuses a layer it does not hold', () => {
    expect(() => layerLayoutOf('diamond')).toThrow(UnknownLayerError);
    expect(() => layerLayoutOf('diamond')).toThrow('no layer named diamond in LAYER_LAYOUT');
  });
});
