import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { LAYERS } from '../src/lake-layout';
import { addMedallionStacks, CDK_FEATURE_FLAGS, type MedallionStacks } from '../src/medallion-app';

/** One scratch folder per test file for its bundles and cloud assemblies, removed after the file's tests. */
const scratch = mkdtempSync(join(tmpdir(), 'medallion-infra-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Stand-in bundles (one `index.mjs` per layer project of `LAYERS`) so stack tests do not need a build. */
export function fakeBundles(contents: Record<string, string> = {}): string {
  const root = mkdtempSync(join(scratch, 'bundles-'));
  for (const { project } of LAYERS) {
    mkdirSync(join(root, project));
    writeFileSync(
      join(root, project, 'index.mjs'),
      contents[project] ?? `export const handler = async () => '${project}';\n`,
    );
  }
  return root;
}

/** A new app with medallion's stacks for stage `test`, cdk-nag's AwsSolutions pack on, its cloud assembly in the test file's scratch folder. */
export function testApp(bundlesDirectory = fakeBundles()): { app: App; stacks: MedallionStacks } {
  const app = new App({ context: { ...CDK_FEATURE_FLAGS }, outdir: mkdtempSync(join(scratch, 'cdk-out-')) });
  const stacks = addMedallionStacks(app, { stage: 'test', env: {}, bundlesDirectory });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stacks };
}
