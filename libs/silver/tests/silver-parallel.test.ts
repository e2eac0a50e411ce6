import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { BRONZE_FIXTURES, bronzeFixtureBytes } from '@medallion/schemas/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilverLayer, type SilverResult } from '../src';
import { countsOf } from '../src/silver-result';

let lake: TestLake;
let inline: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;
let parallel: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;

beforeAll(async () => {
  lake = await startTestLake();
  inline = createLayerHandler(createSilverLayer({ threads: 0 }), { s3: lake.s3 });
  // Two worker threads and batches of ~64 bytes: every file is cut in many places.
  parallel = createLayerHandler(createSilverLayer({ threads: 2, parallelMinBytes: 0, batchBytes: 64 }), {
    s3: lake.s3,
  });
});

afterAll(async () => {
  await lake.close();
});

/** A bronze file with every kind of record, cut across batches: quoted commas and line breaks, CRLF, formulas, blanks, refusals. */
function mixedBronze(records: number, delimiter = ',', firstLines: readonly string[] = []): Buffer {
  const d = delimiter;
  const lines = [...firstLines, ['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'].join(d)];
  const countries = ['Brazil', '"Korea, Republic of"', 'USA', 'Atlantis', 'Deutschland', ''];
  for (let i = 0; i < records; i++) {
    const name = i % 5 === 0 ? `"Name ""${i}""\nsecond line"` : i % 7 === 0 ? `=cmd${i}` : `Name ${i}`;
    const id = i % 11 === 0 ? '' : i % 13 === 0 ? ` ${i} ` : String(i);
    lines.push(
      i % 17 === 0
        ? d.repeat(3)
        : [id, name, countries[i % countries.length], i % 3 === 0 ? 'Inactive' : 'Active'].join(d),
    );
  }
  return Buffer.from(lines.join(records % 2 === 0 ? '\n' : '\r\n') + '\n');
}

async function outputsOf(handler: typeof inline, folder: string, name: string, bytes: Buffer) {
  const key = `bronze/${folder}/${name}`;
  const report = await handler(await lake.put(key, bytes));
  const path = `${folder}/${name.slice(0, -'.csv'.length)}`;
  const result = report.results[0]!;
  const rejection = await lake.text(`quarantine/${path}.error.json`);
  return {
    counts: countsOf(result),
    encoding: 'encoding' in result ? result.encoding : undefined,
    rejectedBy: result.kind === 'rejected' ? result.rule : undefined,
    rejected: result.kind === 'rejected' ? result.reason : undefined,
    silver: await lake.text(`silver/${path}.csv`),
    quarantine: await lake.text(`quarantine/${path}.csv`),
    rejectionReason: rejection === undefined ? undefined : (JSON.parse(rejection) as { reason: string }).reason,
  };
}

describe('silver on worker threads', () => {
  it('writes the same bytes and counts as inline for every bronze fixture', async () => {
    for (const fixture of BRONZE_FIXTURES) {
      const bytes = bronzeFixtureBytes(fixture);
      expect({ fixture, ...(await outputsOf(parallel, 'parallel', fixture, bytes)) }).toEqual({
        fixture,
        ...(await outputsOf(inline, 'inline', fixture, bytes)),
      });
    }
  });

  it('writes the same bytes and counts as inline for a file of 3,000 mixed records cut into hundreds of batches', async () => {
    const bytes = mixedBronze(3000);
    const inlineOutputs = await outputsOf(inline, 'inline', 'mixed.csv', bytes);
    expect(await outputsOf(parallel, 'parallel', 'mixed.csv', bytes)).toEqual(inlineOutputs);
    // 3,000 data records: 177 blank (every 17th), the rest either kept or quarantined, none lost.
    expect(inlineOutputs.counts.dataRecords).toBe(3000);
    expect(inlineOutputs.counts.blankRows).toBe(177);
    expect(
      inlineOutputs.counts.silverRows + inlineOutputs.counts.quarantinedRows + inlineOutputs.counts.blankRows,
    ).toBe(3000);
    expect(inlineOutputs.silver!.split('\n')).toContain(`7,'=cmd7,"Korea, Republic of",Active,Asia`);
  });

  it('writes the same silver for the same records separated by semicolons after a sep=; line, or by tabs, inline or on threads', async () => {
    const commas = await outputsOf(inline, 'inline', 'mixed-commas.csv', mixedBronze(3000));
    for (const [name, bytes] of [
      ['mixed-semicolons.csv', mixedBronze(3000, ';', ['sep=;'])],
      ['mixed-tabs.csv', mixedBronze(3000, '\t')],
    ] as const) {
      const inlineOutputs = await outputsOf(inline, 'inline', name, bytes);
      expect(await outputsOf(parallel, 'parallel', name, bytes)).toEqual(inlineOutputs);
      expect(inlineOutputs.counts).toEqual(commas.counts);
      expect(inlineOutputs.silver).toBe(commas.silver);
    }
  });
});
