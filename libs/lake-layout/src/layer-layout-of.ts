import { UnknownLayerError } from './errors';
import { LAYER_LAYOUT, type LayerLayout } from './layer-layout';

/**
 * The layout entry of one layer.
 *
 * @param name - the layer's name, e.g. `gold`.
 * @returns its entry in `LAYER_LAYOUT`.
 * @throws UnknownLayerError when no entry has that name.
 */
export function layerLayoutOf(name: string): LayerLayout {
  const layout = LAYER_LAYOUT.find((entry) => entry.name === name);
  if (!layout) throw new UnknownLayerError(name);
  return layout;
}
