import { test } from 'vitest';
import type { LocalObjectChange } from '../../src';
import { startTestLake, type TestLake } from '../../src/testing';

/**
 * `it` with a test lake shared by the tests of a file (`lake`), and the object changes it announced
 * (`changes`, in order; a test empties it before the changes it checks).
 */
export const lakeTest = test.extend<{ lake: TestLake; changes: LocalObjectChange[] }>({
  lake: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern: none
    async ({}, use) => {
      const lake = await startTestLake();
      await use(lake);
      await lake.close();
    },
    { scope: 'file' },
  ],
  changes: [
    async ({ lake }, use) => {
      const changes: LocalObjectChange[] = [];
      const stop = lake.store.onObjectChange((change) => changes.push(change));
      await use(changes);
      stop();
    },
    { scope: 'file' },
  ],
});
