import { MedallionError } from '@medallion/errors';

/** Thrown when no entry of `LAYER_LAYOUT` has the name asked for. */
export class UnknownLayerError extends MedallionError {
  /** @param layer - the layer name that has no entry. */
  constructor(readonly layer: string) {
    super(`no layer named ${layer} in LAYER_LAYOUT (libs/lake-layout/src/layer-layout.ts)`);
  }
}
