import { goldLayer } from '@medallion/gold';
import { LAYER_LAYOUT, PREFIXES } from '@medallion/lake-layout';
import { platinumLayer } from '@medallion/platinum';
import { silverLayer } from '@medallion/silver';
import { describe, expect, it } from 'vitest';
import { LAKE_LAYERS } from '../src/lake-layers';

describe('the layer definitions agree with @medallion/lake-layout', () => {
  it('take their name, trigger and output prefix from their layout entry', () => {
    const definitions = [silverLayer, goldLayer, platinumLayer];
    expect(definitions.map((layer) => layer.name)).toEqual(LAYER_LAYOUT.map((layout) => layout.name));
    definitions.forEach((layer, index) => {
      const layout = LAYER_LAYOUT[index]!;
      expect([layer.inputPrefix, layer.inputSuffixes, layer.acceptsRemovals, layer.outputPrefix]).toEqual([
        layout.inputPrefix,
        layout.inputSuffixes,
        layout.acceptsRemovals,
        layout.outputPrefix,
      ]);
      expect(layer.kind === 'aggregate' ? layer.queue : undefined).toEqual(layout.queue);
    });
  });

  it('route each layer on its own input prefix in the local runner', () => {
    const routes = Object.fromEntries(LAKE_LAYERS.map((route) => [route.name, route.inputPrefix]));
    expect(routes).toMatchObject({
      silver: PREFIXES.bronze,
      gold: PREFIXES.silverManifests,
      platinum: PREFIXES.silverManifests,
    });
  });
});
