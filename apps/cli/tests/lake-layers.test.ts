import { goldLayer } from '@medallion/gold';
import { PREFIXES, SILVER_AGGREGATE_QUEUE } from '@medallion/lake-layout';
import { platinumLayer } from '@medallion/platinum';
import { silverLayer } from '@medallion/silver';
import { describe, expect, it } from 'vitest';
import { LAKE_LAYERS } from '../src/lake-layers';

describe('the layer definitions agree with @medallion/lake-layout', () => {
  it('take their prefixes from it', () => {
    expect(
      [silverLayer, goldLayer, platinumLayer].map((layer) => [layer.name, layer.inputPrefix, layer.outputPrefix]),
    ).toEqual([
      ['silver', PREFIXES.bronze, PREFIXES.silver],
      ['gold', PREFIXES.silverManifests, PREFIXES.gold],
      ['platinum', PREFIXES.silverManifests, PREFIXES.platinum],
    ]);
    expect(goldLayer.queue).toEqual(SILVER_AGGREGATE_QUEUE);
    expect(platinumLayer.queue).toEqual(SILVER_AGGREGATE_QUEUE);
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
