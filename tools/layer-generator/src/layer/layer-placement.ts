import { LayerGeneratorError } from './layer-generator-error';
import type { RegisteredLayer } from './registered-layers';

/** Whether two key prefixes overlap: one is a prefix of the other (`silver/` and `silver/_manifests/`), so some key lies under both. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Whether layer `from` writes where layer `to` is triggered: an object `from` writes can fire `to`. */
function triggers(from: RegisteredLayer, to: RegisteredLayer): boolean {
  return from.writePrefixes.some((prefix) => prefixesOverlap(prefix, to.inputPrefix));
}

/**
 * A cycle through the layer graph (an edge A → B where A writes under a prefix overlapping B's
 * input prefix), as layer names from the first back to itself, or undefined when there is none.
 *
 * @param layers - every layer, the new one included.
 * @returns e.g. `['x', 'silver', 'gold', 'x']`.
 */
export function findTriggerCycle(layers: readonly RegisteredLayer[]): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: RegisteredLayer[] = [];
  const visit = (layer: RegisteredLayer): string[] | undefined => {
    state.set(layer.name, 'open');
    path.push(layer);
    for (const next of layers.filter((candidate) => triggers(layer, candidate))) {
      if (state.get(next.name) === 'open') return [...path.slice(path.indexOf(next)), next].map((l) => l.name);
      if (!state.has(next.name)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(layer.name, 'done');
    return undefined;
  };
  for (const layer of layers) {
    if (state.has(layer.name)) continue;
    const cycle = visit(layer);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * The refusal rules for a new layer's prefixes, checked against the registered layers before
 * anything is written.
 *
 * @param registered - the layers already in the lake layout's `LAYER_LAYOUT`.
 * @param candidate - the new layer: its name, input prefix and (one) output prefix.
 * @throws LayerGeneratorError when the name is taken; when its output prefix overlaps a prefix
 *   another layer writes (two layers would write the same keys); when its input prefix overlaps its
 *   own output prefix (the layer would trigger itself); when adding it closes a cycle of layers that
 *   trigger each other (recursion through a chain).
 */
export function checkLayerPlacement(registered: readonly RegisteredLayer[], candidate: RegisteredLayer): void {
  if (registered.some((layer) => layer.name === candidate.name)) {
    throw new LayerGeneratorError(
      `a layer named ${candidate.name} is already registered in libs/lake-layout/src/layer-layout.ts: choose another name`,
    );
  }
  for (const output of candidate.writePrefixes) {
    if (prefixesOverlap(candidate.inputPrefix, output)) {
      throw new LayerGeneratorError(
        `--input=${candidate.inputPrefix} and --output=${output} overlap: ${candidate.name} would trigger itself on its own output. Write under a prefix outside its input`,
      );
    }
    for (const layer of registered) {
      const taken = layer.writePrefixes.find((prefix) => prefixesOverlap(prefix, output));
      if (taken !== undefined) {
        throw new LayerGeneratorError(
          `--output=${output} overlaps ${taken}, which the ${layer.name} layer writes: two layers would write the same keys. Choose an output prefix of its own, e.g. ${candidate.name}/`,
        );
      }
    }
  }
  const cycle = findTriggerCycle([...registered, candidate]);
  if (cycle) {
    // Told from the new layer: every cycle runs through it, since the registered layers had none.
    const loop = cycle.slice(0, -1);
    const start = Math.max(loop.indexOf(candidate.name), 0);
    const fromCandidate = [...loop.slice(start), ...loop.slice(0, start), loop[start]];
    throw new LayerGeneratorError(
      `${candidate.name} would close a loop of layers that trigger each other (${fromCandidate.join(' → ')}): each writes under a prefix the next is triggered by, so events would never stop. Choose an input or output prefix that breaks the loop`,
    );
  }
}
