import { describe, expect, it } from 'vitest';
import { findTriggerCycle, prefixesOverlap } from '../src/layer/layer-placement';

describe('prefixesOverlap', () => {
  it('is true when one prefix is a prefix of the other, in either order', () => {
    expect(prefixesOverlap('silver/', 'silver/_manifests/')).toBe(true);
    expect(prefixesOverlap('silver/_manifests/', 'silver/')).toBe(true);
    expect(prefixesOverlap('gold/', 'gold/')).toBe(true);
    expect(prefixesOverlap('gold/', 'gold2/')).toBe(false);
    expect(prefixesOverlap('silver/a/', 'silver/b/')).toBe(false);
  });
});

describe('findTriggerCycle', () => {
  const silver = { name: 'silver', inputPrefix: 'bronze/', writePrefixes: ['silver/', 'quarantine/'] };
  const gold = { name: 'gold', inputPrefix: 'silver/_manifests/', writePrefixes: ['gold/'] };

  it('finds no cycle in bronze → silver → gold, nor with a mart on gold', () => {
    expect(findTriggerCycle([silver, gold])).toBeUndefined();
    expect(
      findTriggerCycle([silver, gold, { name: 'mart', inputPrefix: 'gold/', writePrefixes: ['mart/'] }]),
    ).toBeUndefined();
  });

  it('names the loop from the first layer in it back to itself', () => {
    const replay = { name: 'replay', inputPrefix: 'gold/', writePrefixes: ['bronze/replay/'] };
    expect(findTriggerCycle([silver, gold, replay])).toEqual(['silver', 'gold', 'replay', 'silver']);
    expect(findTriggerCycle([{ name: 'self', inputPrefix: 'a/', writePrefixes: ['a/b/'] }])).toEqual(['self', 'self']);
  });
});
