/** Where an aggregate layer keeps its checkpoint, under its own output prefix. */
export interface CheckpointKeys {
  /** `<output>_checkpoint/`: the prefix of everything below (its IAM rights and lifecycle rule name it). */
  readonly prefix: string;
  /** `<output>_checkpoint/state.parquet`: the checkpoint itself, replaced by conditional writes. */
  readonly state: string;
  /** `<output>_checkpoint/segments/`: the checkpoint's segments (see `checkpoint-segments.ts`), the only objects the layer deletes. */
  readonly segmentsPrefix: string;
  /** A new segment's key: `<output>_checkpoint/segments/<generation>-<name>.parquet`. */
  segment(generation: number, name: string): string;
}

/**
 * The checkpoint keys of an aggregate layer.
 *
 * @param outputPrefix - the layer's output prefix, e.g. `gold/`.
 * @returns e.g. `{ prefix: 'gold/_checkpoint/', state: 'gold/_checkpoint/state.parquet', segmentsPrefix: 'gold/_checkpoint/segments/', … }`.
 */
export function checkpointKeysOf(outputPrefix: string): CheckpointKeys {
  const prefix = `${outputPrefix}_checkpoint/`;
  return {
    prefix,
    state: `${prefix}state.parquet`,
    segmentsPrefix: `${prefix}segments/`,
    segment: (generation, name) => `${prefix}segments/${generation}-${name}.parquet`,
  };
}
