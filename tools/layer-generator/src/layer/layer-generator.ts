import { formatFiles, generateFiles, getProjects, type GeneratorCallback, type Tree } from '@nx/devkit';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LayerGeneratorError } from './layer-generator-error';
import { checkLayerPlacement } from './layer-placement';
import { normalizeLayerOptions, type LayerGeneratorSchema, type LayerOptions } from './layer-options';
import { LAKE_LAYOUT_PATH, LAKE_PREFIXES_PATH, readRegisteredLayers } from './registered-layers';
import { ESLINT_CONFIG_PATH, registerLayerLayout, registerLayerScope } from './registrations';
import { parseSource, type ParsedSource } from './source-edits';

const FILES = fileURLToPath(new URL('./files', import.meta.url));

function readSource(tree: Tree, path: string): ParsedSource {
  const text = tree.read(path, 'utf-8');
  if (text === null)
    throw new LayerGeneratorError(`${path} does not exist: run the generator at the root of the medallion workspace`);
  return parseSource(path, text);
}

function refuseTakenName(tree: Tree, options: LayerOptions): void {
  const projects = getProjects(tree);
  for (const [project, folder] of [
    [options.name, `libs/${options.name}`],
    [options.appName, `apps/${options.appName}`],
  ] as const) {
    const existing = projects.get(project);
    if (existing)
      throw new LayerGeneratorError(
        `a project named ${project} already exists (${existing.root}): choose another layer name`,
      );
    if (tree.exists(folder)) throw new LayerGeneratorError(`${folder} already exists: choose another layer name`);
  }
}

/**
 * `nx g @medallion/tools:layer <name> --kind=map|aggregate|customer-aggregate [--input=<prefix>] --output=<prefix> [--suffixes=.csv]`:
 * adds a layer, wired end to end. It creates `libs/<name>` (the layer definition on the shared
 * layer runtime, a pass-through transform (a customer-aggregate: a row function over each
 * customer's latest record, on `createSilverAggregateLayer`), the handler, a test against the
 * embedded S3) and `apps/<name>-lambda` (the deployable: `main.ts` re-exporting the handler; build, test,
 * lint, typecheck and deploy targets); appends the layer's entry to `LAYER_LAYOUT` in
 * `libs/lake-layout/src/layer-layout.ts` (from which the infra app makes its own stack: rule on its
 * input prefix, IAM on its two prefixes, DLQ, alarms) and the local runner its route (`npm start`
 * imports `@medallion/<name>` for each layout entry);
 * adds its `scope:<name>` module-boundary rule to `eslint.config.mjs`. Then (not on a dry run, not
 * with `--skipInstall`) runs `npm install`, which links `@medallion/<name>` and records it in
 * `package-lock.json`.
 *
 * Every check runs before the first change, so a refused layer writes nothing.
 *
 * @param tree - the workspace (virtual until Nx commits it).
 * @param schema - the command-line options.
 * @returns the `npm install` step, run by Nx after the files are written.
 * @throws LayerGeneratorError for bad options (see `normalizeLayerOptions`), a name that exists (a
 *   registered layer, a project, a folder), an output prefix another layer writes, an input prefix
 *   overlapping its own output, or a loop of layers that trigger each other (see `checkLayerPlacement`);
 *   or when a registration file is missing or not in the shape the generator edits.
 */
export async function layerGenerator(tree: Tree, schema: LayerGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeLayerOptions(schema);
  const layout = readSource(tree, LAKE_LAYOUT_PATH);
  checkLayerPlacement(readRegisteredLayers(layout, readSource(tree, LAKE_PREFIXES_PATH)), {
    name: options.name,
    inputPrefix: options.inputPrefix,
    writePrefixes: [options.outputPrefix],
  });
  refuseTakenName(tree, options);
  // Every edit is computed before the first write: a failure here leaves the tree untouched.
  const edits = [
    [LAKE_LAYOUT_PATH, registerLayerLayout(layout, options)],
    [ESLINT_CONFIG_PATH, registerLayerScope(readSource(tree, ESLINT_CONFIG_PATH), options)],
  ] as const;
  const substitutions = {
    ...options,
    transformName:
      options.kind === 'map'
        ? `${options.className}Transform`
        : options.kind === 'aggregate'
          ? `${options.className}Aggregator`
          : `${options.propertyName}RowsOf`,
    tmpl: '',
  };
  generateFiles(tree, join(FILES, 'lib'), `libs/${options.name}`, substitutions);
  generateFiles(tree, join(FILES, `lib-${options.kind}`), `libs/${options.name}`, substitutions);
  generateFiles(tree, join(FILES, 'app'), `apps/${options.appName}`, substitutions);
  for (const [path, text] of edits) tree.write(path, text);
  await formatFiles(tree);
  return () => {
    if (options.skipInstall) return;
    execSync('npm install --no-audit --no-fund', { cwd: tree.root, stdio: 'inherit' });
  };
}

export default layerGenerator;
