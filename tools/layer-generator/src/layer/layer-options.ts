import { names } from '@nx/devkit';
import { LayerGeneratorError } from './layer-generator-error';

/** The kinds of layer the generator makes. */
export type LayerKind = 'map' | 'aggregate' | 'customer-aggregate';

/** What a `customer-aggregate` layer is triggered by: silver's manifests, as gold and platinum are. */
export const CUSTOMER_AGGREGATE_INPUT = { prefix: 'silver/_manifests/', suffixes: ['.json'] } as const;

/** The generator's options as Nx passes them (see `schema.json`). */
export interface LayerGeneratorSchema {
  /** Layer name, kebab-case, e.g. `platinum`. */
  readonly name: string;
  /**
   * `map`: one input object → one output object; `aggregate`: all input objects → one output table,
   * recomputed from all of them each time; `customer-aggregate`: a table from each customer's latest
   * record across silver, incremental (on `createSilverAggregateLayer`).
   */
  readonly kind: string;
  /** The prefix whose objects trigger the layer, e.g. `silver/_manifests/` (a `customer-aggregate` is always triggered by silver's manifests). */
  readonly input?: string;
  /** The prefix the layer writes under, e.g. `platinum/`. */
  readonly output: string;
  /** Key endings that trigger the layer, comma-separated. @default `.csv` */
  readonly suffixes?: string;
  /** Do not run `npm install` afterwards (links the new lib into node_modules and updates the lockfile). */
  readonly skipInstall?: boolean;
}

/** Options after validation, with the names the templates use. */
export interface LayerOptions {
  /** kebab-case, e.g. `sub-mart`: the layer, the lib project and folder `libs/<name>`, the stack suffix. */
  readonly name: string;
  /** PascalCase, e.g. `SubMart`: type and class names. */
  readonly className: string;
  /** camelCase, e.g. `subMart`: variable names. */
  readonly propertyName: string;
  /** UPPER_SNAKE, e.g. `SUB_MART`: constant names. */
  readonly constantName: string;
  /** The app project and folder `apps/<appName>`: `<name>-lambda`. */
  readonly appName: string;
  readonly kind: LayerKind;
  readonly inputPrefix: string;
  readonly outputPrefix: string;
  readonly inputSuffixes: readonly string[];
  /** The aggregate layer's table, `<outputPrefix><name>.csv`; for a map layer, undefined. */
  readonly outputKey: string | undefined;
  readonly skipInstall: boolean;
}

/** Longest layer name: `medallion-<stage>-<name>` names a stack, and function and role names are derived from it. */
export const MAX_LAYER_NAME_LENGTH = 32;

const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** A prefix: path segments of letters, digits, `.`, `_`, `-`, ending in `/`; no wildcard, no leading `/`, no `..`. */
const PREFIX_PATTERN = /^([A-Za-z0-9_.-]+\/)+$/;
const SUFFIX_PATTERN = /^\.[A-Za-z0-9]+$/;

function checkPrefix(option: 'input' | 'output', value: string | undefined): string {
  const prefix = (value ?? '').trim();
  if (!PREFIX_PATTERN.test(prefix) || prefix.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new LayerGeneratorError(
      `--${option}=${JSON.stringify(value ?? '')} is not a key prefix: give path segments of letters, digits, '.', '_' or '-', each ending in '/', e.g. --${option}=${option === 'input' ? 'silver/_manifests/' : 'platinum/'}`,
    );
  }
  return prefix;
}

/**
 * Validates the generator's options and derives the names the templates use.
 *
 * @param schema - the options as given on the command line.
 * @returns the normalized options.
 * @throws LayerGeneratorError naming the bad option: a name that is not kebab-case or is over
 *   {@link MAX_LAYER_NAME_LENGTH} characters, a kind other than `map`/`aggregate`/`customer-aggregate`, a prefix that is
 *   not `segment/…/` (see `PREFIX_PATTERN`), a suffix that is not `.ext`, an input or suffixes other
 *   than silver's manifests for a `customer-aggregate`.
 */
export function normalizeLayerOptions(schema: LayerGeneratorSchema): LayerOptions {
  const name = (schema.name ?? '').trim();
  if (!NAME_PATTERN.test(name) || name.length > MAX_LAYER_NAME_LENGTH) {
    throw new LayerGeneratorError(
      `layer name ${JSON.stringify(schema.name ?? '')} is not usable: give lower-case kebab-case of at most ${MAX_LAYER_NAME_LENGTH} characters starting with a letter, e.g. platinum or customer-mart`,
    );
  }
  if (schema.kind !== 'map' && schema.kind !== 'aggregate' && schema.kind !== 'customer-aggregate') {
    throw new LayerGeneratorError(
      `--kind=${JSON.stringify(schema.kind ?? '')} is not a layer kind: give --kind=map (one input object → one output object), --kind=aggregate (all input objects → one table) or --kind=customer-aggregate (a table from each customer's latest record across silver, incremental)`,
    );
  }
  const customers = schema.kind === 'customer-aggregate';
  if (
    customers &&
    ((schema.input !== undefined && schema.input.trim() !== CUSTOMER_AGGREGATE_INPUT.prefix) ||
      (schema.suffixes !== undefined && schema.suffixes.trim() !== '.json'))
  ) {
    throw new LayerGeneratorError(
      `--kind=customer-aggregate is triggered by silver's manifests (${CUSTOMER_AGGREGATE_INPUT.prefix}*.json): leave out --input and --suffixes`,
    );
  }
  const inputPrefix = customers ? CUSTOMER_AGGREGATE_INPUT.prefix : checkPrefix('input', schema.input);
  const outputPrefix = checkPrefix('output', schema.output);
  const inputSuffixes = (customers ? '.json' : (schema.suffixes ?? '.csv')).split(',').map((suffix) => suffix.trim());
  const badSuffix = inputSuffixes.find((suffix) => !SUFFIX_PATTERN.test(suffix));
  if (badSuffix !== undefined)
    throw new LayerGeneratorError(
      `--suffixes: ${JSON.stringify(badSuffix)} is not a key ending: give endings like .csv, comma-separated (--suffixes=.csv,.CSV)`,
    );
  const derived = names(name);
  return {
    name,
    className: derived.className,
    propertyName: derived.propertyName,
    constantName: derived.constantName,
    appName: `${name}-lambda`,
    kind: schema.kind,
    inputPrefix,
    outputPrefix,
    inputSuffixes: [...new Set(inputSuffixes)],
    outputKey: schema.kind === 'map' ? undefined : `${outputPrefix}${name}.csv`,
    skipInstall: schema.skipInstall === true,
  };
}
