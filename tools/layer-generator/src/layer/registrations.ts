import type { LayerOptions } from './layer-options';
import {
  appendElement,
  applyInsertions,
  constArray,
  evaluateLiteral,
  insertElementBefore,
  type ParsedSource,
} from './source-edits';

/** Where the module-boundary rules (`depConstraints`) are. */
export const ESLINT_CONFIG_PATH = 'eslint.config.mjs';

function quoted(values: readonly string[]): string {
  return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

/** The `LayerLayout` entry of a map or aggregate layer: trigger, rights and sizing, in the interface's order. */
function mapOrAggregateSpec(options: LayerOptions): string[] {
  const aggregate = options.kind === 'aggregate';
  return [
    `    name: '${options.name}',`,
    `    project: '${options.appName}',`,
    `    inputPrefix: '${options.inputPrefix}',`,
    `    inputSuffixes: ${quoted(options.inputSuffixes)},`,
    '    acceptsRemovals: true,',
    `    outputPrefix: '${options.outputPrefix}',`,
    `    readPrefixes: ['${options.inputPrefix}'],`,
    '    readsVersions: false,',
    `    listPrefixes: ${aggregate ? `['${options.inputPrefix}']` : '[]'},`,
    `    writePrefixes: ['${options.outputPrefix}'],`,
    `    deletePrefixes: ${aggregate ? '[]' : `['${options.outputPrefix}']`},`,
    '    memoryMb: 1769,',
    `    timeoutSeconds: ${aggregate ? 600 : 300},`,
    ...(aggregate ? ['    reservedConcurrency: 1,'] : []),
  ];
}

/**
 * The `LayerLayout` entry of a customer-aggregate: gold's rights, sizing and trigger from the layout's own
 * `silverAggregateLayoutOf`, and the fields the generator reads back (name, input and write prefixes) as literals.
 */
function customerAggregateSpec(options: LayerOptions): string[] {
  return [
    `    ...silverAggregateLayoutOf('${options.outputPrefix}'),`,
    `    name: '${options.name}',`,
    `    project: '${options.appName}',`,
    `    inputPrefix: '${options.inputPrefix}',`,
    `    writePrefixes: ['${options.outputPrefix}'],`,
  ];
}

/**
 * The one registration of a new layer: a `LayerLayout` entry appended to `LAYER_LAYOUT` in
 * `libs/lake-layout/src/layer-layout.ts` (the infra app makes its stack from it). A map layer reads its input prefix and writes (and deletes
 * under) its output prefix, 5 minutes; an aggregate reads and lists its input prefix and writes its
 * output prefix, 10 minutes with reserved concurrency 1 (one recompute at a time); a
 * customer-aggregate spreads the layout's `silverAggregateLayoutOf(<output>)`, as gold and platinum do (silver's
 * manifests listed, silver and its customer tables read, its own prefix read and written: its checkpoint; its
 * checkpoint's unused segments deleted; a queue, batches; 10 minutes). All get 1,769 MB (one vCPU).
 *
 * @param source - the parsed `layer-layout.ts`.
 * @param options - the new layer.
 * @returns the file's new text.
 */
export function registerLayerLayout(source: ParsedSource, options: LayerOptions): string {
  const fields = options.kind === 'customer-aggregate' ? customerAggregateSpec(options) : mapOrAggregateSpec(options);
  const spec = ['{', ...fields, '  }'].join('\n');
  return applyInsertions(source.text, appendElement(source, constArray(source, 'LAYER_LAYOUT'), spec));
}

/**
 * The module-boundary rule of the new layer's scope: `scope:<name>` may depend only on itself and
 * `scope:shared` (as `scope:silver` and `scope:gold`), inserted in `depConstraints` of
 * `eslint.config.mjs` before the `scope:shared` rule (appended when there is none).
 *
 * @param source - the parsed `eslint.config.mjs`.
 * @param options - the new layer.
 * @returns the file's new text.
 */
export function registerLayerScope(source: ParsedSource, options: LayerOptions): string {
  const constraints = constArray(source, 'depConstraints');
  const rule = `{ sourceTag: 'scope:${options.name}', onlyDependOnLibsWithTags: ['scope:${options.name}', 'scope:shared'] }`;
  const shared = constraints.elements.find(
    (element) => (evaluateLiteral(element) as { sourceTag?: unknown } | undefined)?.sourceTag === 'scope:shared',
  );
  return applyInsertions(
    source.text,
    shared ? insertElementBefore(source, shared, rule) : appendElement(source, constraints, rule),
  );
}
