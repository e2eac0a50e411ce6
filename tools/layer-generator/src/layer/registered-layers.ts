import { LayerGeneratorError } from './layer-generator-error';
import { constArray, constInitializer, evaluateLiteral, type ParsedSource } from './source-edits';

/** Where the infra app lists its layers (`LAYERS`) and the lake's prefixes (`PREFIXES`). */
export const LAKE_LAYOUT_PATH = 'apps/infra/src/lake-layout.ts';

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
 * Reads the registered layers from the infra app's `LAYERS` (`apps/infra/src/lake-layout.ts`),
 * resolving `PREFIXES.x` references. Only the source text is read; nothing is run.
 *
 * @param source - the parsed `lake-layout.ts`.
 * @returns each layer's name, input prefix and write prefixes, in order.
 * @throws LayerGeneratorError when `LAYERS` is missing or an entry's name, input prefix or write
 *   prefixes are not literals (or `PREFIXES` members) the generator can read.
 */
export function readRegisteredLayers(source: ParsedSource): RegisteredLayer[] {
  const constants = { PREFIXES: evaluateLiteral(constInitializer(source, 'PREFIXES')) };
  return constArray(source, 'LAYERS').elements.map((element, index) => {
    const spec = evaluateLiteral(element, constants) as Partial<Record<keyof RegisteredLayer, unknown>> | undefined;
    if (
      !spec ||
      typeof spec.name !== 'string' ||
      typeof spec.inputPrefix !== 'string' ||
      !isStringArray(spec.writePrefixes)
    ) {
      throw new LayerGeneratorError(
        `${source.path}: LAYERS entry ${index + 1} has no literal name, inputPrefix and writePrefixes (strings or PREFIXES members), so the generator cannot check the new layer against it`,
      );
    }
    return { name: spec.name, inputPrefix: spec.inputPrefix, writePrefixes: spec.writePrefixes };
  });
}
