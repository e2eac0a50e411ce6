import { LayerGeneratorError } from './layer-generator-error';
import { constArray, constInitializer, evaluateLiteral, type ParsedSource } from './source-edits';

/** Where the lake layout lists its layers (`LAYER_LAYOUT`): the infra app, the CLI and the layer libs derive from it. */
export const LAKE_LAYOUT_PATH = 'libs/lake-layout/src/layer-layout.ts';

/** Where the lake layout defines the lake's prefixes (`PREFIXES`), which `LAYER_LAYOUT` entries may name. */
export const LAKE_PREFIXES_PATH = 'libs/lake-layout/src/prefixes.ts';

/** What the refusal rules need of a layer that is already registered. */
export interface RegisteredLayer {
  readonly name: string;
  /** Objects created under this prefix trigger the layer. */
  readonly inputPrefix: string;
  /** Prefixes the layer writes under. */
  readonly writePrefixes: readonly string[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads the registered layers from the lake layout's `LAYER_LAYOUT` (`libs/lake-layout/src/layer-layout.ts`),
 * resolving `PREFIXES.x` references. Only the source text is read; nothing is run.
 *
 * @param source - the parsed `layer-layout.ts`.
 * @param prefixes - the parsed `prefixes.ts` (where `PREFIXES` is).
 * @returns each layer's name, input prefix and write prefixes, in order.
 * @throws LayerGeneratorError when `LAYER_LAYOUT` or `PREFIXES` is missing or an entry's name, input prefix or write
 *   prefixes are not literals (or `PREFIXES` members) the generator can read.
 */
export function readRegisteredLayers(source: ParsedSource, prefixes: ParsedSource): RegisteredLayer[] {
  const constants = { PREFIXES: evaluateLiteral(constInitializer(prefixes, 'PREFIXES')) };
  return constArray(source, 'LAYER_LAYOUT').elements.map((element, index) => {
    const spec = evaluateLiteral(element, constants) as Partial<Record<keyof RegisteredLayer, unknown>> | undefined;
    if (
      !spec ||
      typeof spec.name !== 'string' ||
      typeof spec.inputPrefix !== 'string' ||
      !isStringArray(spec.writePrefixes)
    ) {
      throw new LayerGeneratorError(
        `${source.path}: LAYER_LAYOUT entry ${index + 1} has no literal name, inputPrefix and writePrefixes (strings or PREFIXES members), so the generator cannot check the new layer against it`,
      );
    }
    return { name: spec.name, inputPrefix: spec.inputPrefix, writePrefixes: spec.writePrefixes };
  });
}
