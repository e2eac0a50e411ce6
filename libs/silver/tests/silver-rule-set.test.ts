import type { CsvObjectWriter } from '@medallion/layer-runtime';
import {
  defaultExpectations,
  ROW_EXPECTATIONS,
  SILVER_RULES,
  UnregisteredRuleError,
  type ExpectationSuite,
} from '@medallion/silver-rules';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { transformBronzeObject } from '../src/transform-bronze-object';

const LONG_ID = 'x'.repeat(70);
const BRONZE = `Customer ID,Country\n${LONG_ID},Japan\n002,France\n,Spain\n`;

/** A writer that keeps what it is given (text), standing in for the S3 upload. */
function memoryWriter(): CsvObjectWriter & { text: string } {
  const writer = {
    text: '',
    recordCount: 0,
    async write(record: readonly string[]) {
      writer.text += `${record.join(',')}\n`;
      writer.recordCount++;
    },
    async writeText(text: string, records: number) {
      writer.text += text;
      writer.recordCount += records;
    },
  };
  return writer as unknown as CsvObjectWriter & { text: string };
}

async function transform(suite: ExpectationSuite, threads: number) {
  const silver = memoryWriter();
  const quarantine = memoryWriter();
  const summary = await transformBronzeObject(
    { body: Readable.from([Buffer.from(BRONZE)]), contentLength: BRONZE.length },
    'utf-8',
    silver,
    quarantine,
    suite,
    { threads, parallelMinBytes: 0, batchBytes: 16 },
  );
  return { silver: silver.text, quarantine: quarantine.text, counts: summary.counts };
}

describe('a custom rule set on the batch path', () => {
  const withoutSane: ExpectationSuite = {
    ...defaultExpectations({}),
    row: ROW_EXPECTATIONS.filter((rule) => rule.name !== SILVER_RULES.customerIdSane.name),
  };

  it.each([0, 1])('is honoured with %i worker thread(s): the rules it leaves out are not applied', async (threads) => {
    const standard = await transform(defaultExpectations({}), threads);
    expect(standard.quarantine).toContain('customer-id-sane: Customer ID has 70 characters, over 64');
    expect(standard.counts.quarantinedRows).toBe(2);

    const custom = await transform(withoutSane, threads);
    expect(custom.silver).toBe(`Customer ID,Country,Region\n${LONG_ID},Japan,Asia\n002,France,Europe\n`);
    expect(custom.quarantine).not.toContain('customer-id-sane');
    expect(custom.counts).toMatchObject({ silverRows: 2, quarantinedRows: 1 });
    expect(custom.counts.ruleFailures).not.toHaveProperty(SILVER_RULES.customerIdSane.name);
  });

  it('refuses, before reading anything, a row rule that is not the registry’s (it could not cross to a worker)', async () => {
    const own: ExpectationSuite = {
      ...defaultExpectations({}),
      row: [{ ...SILVER_RULES.customerIdPresent, needsAlignedColumns: true, check: () => 'always fails' }],
    };
    for (const threads of [0, 1]) {
      const error = await transform(own, threads).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnregisteredRuleError);
      expect((error as Error).message).toMatch(/^row rule "customer-id-present" is not the registry's/);
    }
  });
});
