import { readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { layerGenerator } from '../src/layer/layer-generator';
import { LAKE_LAYOUT_PATH, LAKE_PREFIXES_PATH, readRegisteredLayers } from '../src/layer/registered-layers';
import { parseSource } from '../src/layer/source-edits';

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The workspace's real registration files, and projects whose names a layer may not take. The layers
 * made here have names and prefixes (`unit-…`) that a layer generated in the workspace is unlikely to take.
 */
const COPIED = [
  'libs/lake-layout/src/layer-layout.ts',
  'libs/lake-layout/src/prefixes.ts',
  'eslint.config.mjs',
  'libs/regions/project.json',
  'apps/cli/project.json',
  'libs/gold/project.json',
];

/** The lake's prefixes, which layout entries may name (`PREFIXES.x`). */
const PREFIXES_SOURCE = parseSource(LAKE_PREFIXES_PATH, readFileSync(`${WORKSPACE}${LAKE_PREFIXES_PATH}`, 'utf8'));

let tree: Tree;

beforeEach(() => {
  // The workspace has no formatter (no prettier, no oxfmt): formatFiles leaves the files as generated.
  tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  for (const path of COPIED) tree.write(path, readFileSync(`${WORKSPACE}${path}`, 'utf8'));
});

function text(path: string): string {
  const content = tree.read(path, 'utf-8');
  if (content === null) throw new Error(`${path} was not written`);
  return content;
}

/** What the generator added to a file: the lines of the new text that a line diff (LCS) against the original marks as added, in order. */
function addedLines(path: string): string[] {
  const before = readFileSync(`${WORKSPACE}${path}`, 'utf8').split('\n');
  const after = text(path).split('\n');
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--)
      common[i]![j] =
        before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  }
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (j < after.length) {
    if (i < before.length && before[i] === after[j]) {
      i++;
      j++;
    } else if (i < before.length && common[i + 1]![j]! >= common[i]![j + 1]!) i++;
    else added.push(after[j++]!);
  }
  return added;
}

function createdFiles(): string[] {
  const copied = new Set(COPIED);
  return tree
    .listChanges()
    .filter(
      (change) =>
        change.type === 'CREATE' &&
        !copied.has(change.path) &&
        !['nx.json', 'package.json', 'tsconfig.base.json'].includes(change.path),
    )
    .map((change) => change.path)
    .sort();
}

describe('layer generator: aggregate', () => {
  beforeEach(async () => {
    await layerGenerator(tree, {
      name: 'unit-mart',
      kind: 'aggregate',
      input: 'silver/_manifests/',
      output: 'unit-mart/',
      suffixes: '.json',
      skipInstall: true,
    });
  });

  it('creates the lib and the app, and nothing else', () => {
    expect(createdFiles()).toEqual([
      'apps/unit-mart-lambda/package.json',
      'apps/unit-mart-lambda/project.json',
      'apps/unit-mart-lambda/src/main.ts',
      'apps/unit-mart-lambda/tests/bundle.test.ts',
      'apps/unit-mart-lambda/tsconfig.json',
      'apps/unit-mart-lambda/vitest.config.ts',
      'libs/unit-mart/package.json',
      'libs/unit-mart/project.json',
      'libs/unit-mart/src/index.ts',
      'libs/unit-mart/src/unit-mart-handler.ts',
      'libs/unit-mart/src/unit-mart-layer.ts',
      'libs/unit-mart/src/unit-mart-transform.ts',
      'libs/unit-mart/tests/unit-mart-handler.test.ts',
      'libs/unit-mart/tsconfig.json',
      'libs/unit-mart/vitest.config.ts',
    ]);
    for (const path of createdFiles()) expect(text(path)).not.toMatch(/<%|%>/);
  });

  it('tags the lib as a layer and gives the app the Lambda targets of silver-lambda and gold-lambda', () => {
    expect(readProjectConfiguration(tree, 'unit-mart').tags).toEqual(['type:layer', 'scope:unit-mart']);
    expect(JSON.parse(text('libs/unit-mart/package.json'))).toEqual({
      name: '@medallion/unit-mart',
      version: '0.1.0',
      private: true,
      type: 'module',
      sideEffects: false,
      exports: { '.': './src/index.ts' },
    });
    const app = JSON.parse(text('apps/unit-mart-lambda/project.json'));
    const gold = JSON.parse(readFileSync(`${WORKSPACE}apps/gold-lambda/project.json`, 'utf8'));
    expect(app.tags).toEqual(['type:lambda', 'scope:unit-mart']);
    expect(Object.keys(app.targets)).toEqual(['build', 'test', 'typecheck', 'deploy']);
    expect(JSON.stringify(app.targets).replaceAll('unit-mart-lambda', 'gold-lambda')).toBe(
      JSON.stringify(gold.targets),
    );
    // The targets' options come from nx.json's targetDefaults: the deploy command names the stack
    // after the app's folder less `-lambda`, so `medallion-<stage>-unit-mart` here.
    const nx = JSON.parse(readFileSync(`${WORKSPACE}nx.json`, 'utf8'));
    expect(nx.targetDefaults.deploy.options.command).toBe(
      'cdk deploy --app ../../dist/apps/infra/cdk.out "medallion-${MEDALLION_STAGE:-dev}-$(basename {projectRoot} -lambda)" --exclusively --require-approval never',
    );
    expect(nx.targetDefaults['@nx/esbuild:esbuild'].options.main).toBe('{projectRoot}/src/main.ts');
    expect(text('apps/unit-mart-lambda/src/main.ts')).toMatch(
      /\nexport \{ handler \} from '@medallion\/unit-mart';\n$/,
    );
  });

  it('registers the layer in LAYER_LAYOUT: its prefixes, listing, one at a time', () => {
    expect(addedLines(LAKE_LAYOUT_PATH).join('\n')).toBe(
      [
        '  {',
        "    name: 'unit-mart',",
        "    project: 'unit-mart-lambda',",
        "    inputPrefix: 'silver/_manifests/',",
        "    inputSuffixes: ['.json'],",
        '    acceptsRemovals: true,',
        "    outputPrefix: 'unit-mart/',",
        "    readPrefixes: ['silver/_manifests/'],",
        '    readsVersions: false,',
        "    listPrefixes: ['silver/_manifests/'],",
        "    writePrefixes: ['unit-mart/'],",
        '    deletePrefixes: [],',
        '    memoryMb: 1769,',
        '    timeoutSeconds: 600,',
        '    reservedConcurrency: 1,',
        '  },',
      ].join('\n'),
    );
    const before = readRegisteredLayers(
      parseSource(LAKE_LAYOUT_PATH, readFileSync(`${WORKSPACE}${LAKE_LAYOUT_PATH}`, 'utf8')),
      PREFIXES_SOURCE,
    ).map((layer) => layer.name);
    expect(before.slice(0, 2)).toEqual(['silver', 'gold']);
    expect(
      readRegisteredLayers(parseSource(LAKE_LAYOUT_PATH, text(LAKE_LAYOUT_PATH)), PREFIXES_SOURCE).map(
        (layer) => layer.name,
      ),
    ).toEqual([...before, 'unit-mart']);
  });

  it('registers the scope rule with lint, and nothing with the local runner (it routes every layout entry)', () => {
    expect(tree.exists('apps/cli/src/lake-layers.ts')).toBe(false);
    expect(addedLines('eslint.config.mjs')).toEqual([
      "  { sourceTag: 'scope:unit-mart', onlyDependOnLibsWithTags: ['scope:unit-mart', 'scope:shared'] },",
    ]);
  });

  it('writes the aggregate layer: every input object under the prefix → one table', () => {
    const layer = text('libs/unit-mart/src/unit-mart-layer.ts');
    expect(layer).toContain("export const UNIT_MART_KEY = 'unit-mart/unit-mart.csv';");
    expect(layer).toContain("const LAYOUT = layerLayoutOf('unit-mart');");
    expect(layer).toContain('export const unitMartLayer: AggregateLayer<UnitMartResult> = {');
    expect(text('libs/unit-mart/src/index.ts')).toBe(
      "export { handler } from './unit-mart-handler';\nexport { unitMartLayer, type UnitMartResult } from './unit-mart-layer';\nexport { UnitMartAggregator } from './unit-mart-transform';\n",
    );
  });

  it('chains a second layer after the first, and refuses the same name again without writing', async () => {
    await layerGenerator(tree, {
      name: 'unit-mart-copy',
      kind: 'map',
      input: 'unit-mart/',
      output: 'unit-mart-copy/',
      skipInstall: true,
    });
    const registered = readRegisteredLayers(parseSource(LAKE_LAYOUT_PATH, text(LAKE_LAYOUT_PATH)), PREFIXES_SOURCE).map(
      (layer) => [layer.name, layer.inputPrefix, layer.writePrefixes],
    );
    expect(registered.slice(0, 2)).toEqual([
      ['silver', 'bronze/', ['silver/', 'silver-customers/', 'quarantine/']],
      ['gold', 'silver/_manifests/', ['gold/']],
    ]);
    expect(registered.slice(-2)).toEqual([
      ['unit-mart', 'silver/_manifests/', ['unit-mart/']],
      ['unit-mart-copy', 'unit-mart/', ['unit-mart-copy/']],
    ]);
    const before = JSON.stringify(tree.listChanges());
    await expect(
      layerGenerator(tree, { name: 'unit-mart', kind: 'map', input: 'gold/', output: 'other/', skipInstall: true }),
    ).rejects.toThrow(
      'a layer named unit-mart is already registered in libs/lake-layout/src/layer-layout.ts: choose another name',
    );
    expect(JSON.stringify(tree.listChanges())).toBe(before);
  });
});

describe('layer generator: customer-aggregate', () => {
  beforeEach(async () => {
    await layerGenerator(tree, {
      name: 'unit-rate',
      kind: 'customer-aggregate',
      output: 'unit-rate/',
      skipInstall: true,
    });
  });

  it('creates the lib with a row function on the aggregate mechanism, and the app', () => {
    expect(
      createdFiles().filter((path) => path.startsWith('libs/unit-rate/src') || path.startsWith('libs/unit-rate/tests')),
    ).toEqual([
      'libs/unit-rate/src/index.ts',
      'libs/unit-rate/src/unit-rate-handler.ts',
      'libs/unit-rate/src/unit-rate-layer.ts',
      'libs/unit-rate/src/unit-rate-rows.ts',
      'libs/unit-rate/tests/unit-rate-handler.test.ts',
    ]);
    for (const path of createdFiles()) expect(text(path)).not.toMatch(/<%|%>/);
    const layer = text('libs/unit-rate/src/unit-rate-layer.ts');
    expect(layer).toContain("export const UNIT_RATE_KEY = 'unit-rate/unit-rate.csv';");
    expect(layer).toContain(
      'export const unitRateLayer: AggregateLayer<UnitRateResult> = createSilverAggregateLayer({',
    );
    expect(layer).toContain("  manifestKey: 'unit-rate/_manifests/unit-rate.json',");
    expect(text('libs/unit-rate/src/unit-rate-rows.ts')).toContain(
      'export function unitRateRowsOf(state: CustomerRecords): UnitRateRow[] {',
    );
    expect(text('libs/unit-rate/src/index.ts')).toBe(
      "export { handler } from './unit-rate-handler';\nexport { unitRateLayer, type UnitRateResult } from './unit-rate-layer';\nexport { formatUnitRateCsv, unitRateRowsOf, type UnitRateRow } from './unit-rate-rows';\n",
    );
    expect(text('apps/unit-rate-lambda/tests/bundle.test.ts')).toContain(
      "await commitSilverTable(lake, 'bundle check',",
    );
  });

  it("registers gold's rights, queue and checkpoint in LAYER_LAYOUT, triggered by silver's manifests", () => {
    expect(addedLines(LAKE_LAYOUT_PATH).join('\n')).toBe(
      [
        '  {',
        "    ...silverAggregateLayoutOf('unit-rate/'),",
        "    name: 'unit-rate',",
        "    project: 'unit-rate-lambda',",
        "    inputPrefix: 'silver/_manifests/',",
        "    writePrefixes: ['unit-rate/'],",
        '  },',
      ].join('\n'),
    );
  });

  it("refuses an input or suffixes other than silver's manifests", async () => {
    await expect(
      layerGenerator(tree, {
        name: 'unit-x',
        kind: 'customer-aggregate',
        input: 'gold/',
        output: 'unit-x/',
        skipInstall: true,
      }),
    ).rejects.toThrow(
      "--kind=customer-aggregate is triggered by silver's manifests (silver/_manifests/*.json): leave out --input and --suffixes",
    );
  });
});

describe('registered layers', () => {
  it("reads the workspace's LAYER_LAYOUT, PREFIXES references resolved", () => {
    expect(
      readRegisteredLayers(
        parseSource(LAKE_LAYOUT_PATH, readFileSync(`${WORKSPACE}${LAKE_LAYOUT_PATH}`, 'utf8')),
        PREFIXES_SOURCE,
      ).slice(0, 3),
    ).toEqual([
      { name: 'silver', inputPrefix: 'bronze/', writePrefixes: ['silver/', 'silver-customers/', 'quarantine/'] },
      { name: 'gold', inputPrefix: 'silver/_manifests/', writePrefixes: ['gold/'] },
      { name: 'platinum', inputPrefix: 'silver/_manifests/', writePrefixes: ['platinum/'] },
    ]);
  });
});

describe('layer generator: map', () => {
  it('registers a map layer: reads its input, writes and cleans its output, unreserved, 5 minutes', async () => {
    await layerGenerator(tree, {
      name: 'unit-map',
      kind: 'map',
      input: 'gold/',
      output: 'unit-map/',
      skipInstall: true,
    });
    expect(addedLines(LAKE_LAYOUT_PATH).filter((line) => /Prefixes|timeout|reserved|Suffixes/.test(line))).toEqual([
      "    inputSuffixes: ['.csv'],",
      "    readPrefixes: ['gold/'],",
      '    listPrefixes: [],',
      "    writePrefixes: ['unit-map/'],",
      "    deletePrefixes: ['unit-map/'],",
      '    timeoutSeconds: 300,',
    ]);
    expect(text('libs/unit-map/src/unit-map-layer.ts')).toContain(
      'export const unitMapLayer: MapLayer<UnitMapResult> = {',
    );
    expect(text('libs/unit-map/src/index.ts')).toContain("export { UnitMapTransform } from './unit-map-transform';");
    expect(text('apps/unit-map-lambda/tests/bundle.test.ts')).toContain(
      "expect(await lake.text('unit-map/bundle check.csv')).toBe(body);",
    );
  });
});

describe('layer generator refuses, with a clear message and no files written', () => {
  const refusals: Array<[string, Parameters<typeof layerGenerator>[1], string]> = [
    [
      'a registered layer name',
      { name: 'gold', kind: 'map', input: 'silver/', output: 'gold2/' },
      'a layer named gold is already registered',
    ],
    [
      'the name of a project',
      { name: 'regions', kind: 'map', input: 'gold/', output: 'regions/' },
      'a project named regions already exists (libs/regions): choose another layer name',
    ],
    [
      'an output prefix another layer writes',
      { name: 'x', kind: 'map', input: 'bronze/', output: 'silver/extra/' },
      '--output=silver/extra/ overlaps silver/, which the silver layer writes',
    ],
    [
      'an output prefix above one another layer writes',
      { name: 'x', kind: 'aggregate', input: 'bronze/', output: 'gold/' },
      '--output=gold/ overlaps gold/, which the gold layer writes',
    ],
    [
      "an output prefix under the platinum layer's",
      { name: 'x', kind: 'aggregate', input: 'gold/', output: 'platinum/mart/' },
      '--output=platinum/mart/ overlaps platinum/, which the platinum layer writes',
    ],
    [
      'an input prefix overlapping its own output',
      { name: 'x', kind: 'map', input: 'mart/', output: 'mart/out/' },
      '--input=mart/ and --output=mart/out/ overlap: x would trigger itself',
    ],
    [
      'a loop through other layers',
      { name: 'x', kind: 'map', input: 'gold/', output: 'bronze/replay/' },
      'x would close a loop of layers that trigger each other (x → silver → gold → x)',
    ],
    [
      'a name that is not kebab-case',
      { name: 'Bad_Name', kind: 'map', input: 'gold/', output: 'bad/' },
      'layer name "Bad_Name" is not usable',
    ],
    [
      'an unknown kind',
      { name: 'x', kind: 'reduce', input: 'gold/', output: 'x/' },
      '--kind="reduce" is not a layer kind',
    ],
    [
      'a prefix without its slash',
      { name: 'x', kind: 'map', input: 'gold', output: 'x/' },
      '--input="gold" is not a key prefix',
    ],
    [
      'a suffix without its dot',
      { name: 'x', kind: 'map', input: 'gold/', output: 'x/', suffixes: 'csv' },
      '--suffixes: "csv" is not a key ending',
    ],
  ];
  it.each(refusals)('%s', async (_what, options, message) => {
    const before = JSON.stringify(tree.listChanges());
    await expect(layerGenerator(tree, { ...options, skipInstall: true })).rejects.toThrow(message);
    expect(JSON.stringify(tree.listChanges())).toBe(before);
  });

  it('a folder that exists without a project', async () => {
    tree.write('apps/x-lambda/README.md', 'old');
    const before = JSON.stringify(tree.listChanges());
    await expect(
      layerGenerator(tree, { name: 'x', kind: 'map', input: 'gold/', output: 'x/', skipInstall: true }),
    ).rejects.toThrow('apps/x-lambda already exists: choose another layer name');
    expect(JSON.stringify(tree.listChanges())).toBe(before);
  });

  it('a registration file that is missing', async () => {
    tree.delete('eslint.config.mjs');
    const before = JSON.stringify(tree.listChanges());
    await expect(
      layerGenerator(tree, { name: 'x', kind: 'map', input: 'gold/', output: 'x/', skipInstall: true }),
    ).rejects.toThrow('eslint.config.mjs does not exist: run the generator at the root of the medallion workspace');
    expect(JSON.stringify(tree.listChanges())).toBe(before);
  });
});
