import { customerIdAt, LatestCustomerRows } from '@medallion/customer-records';
import { readParquet, writeParquet } from '@medallion/parquet-io';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_METADATA_KEY, decodeCheckpoint, encodeCheckpoint, type Checkpoint } from '../src';

const commits = [
  {
    manifestKey: 'silver/_manifests/a.csv.json',
    manifestETag: 'm1',
    table: { key: 'silver-customers/a.parquet', eTag: 't1', format: 'customers' as const },
    silver: { key: 'silver/a.csv', eTag: 's1' },
    eventTime: '2026-11-29T12:00:01.000Z',
    sequencer: '01',
    silverRows: 2,
  },
  {
    manifestKey: 'silver/_manifests/b.csv.json',
    manifestETag: 'm2',
    eventTime: '2026-11-29T12:00:02.000Z',
    sequencer: '02',
    silverRows: 0,
  },
];

function checkpoint(): Checkpoint {
  const rows = new LatestCustomerRows();
  rows.add('002', 'Asia', true, 3);
  rows.add('001', 'Europe', false, 2);
  return { layer: 'gold', generation: 1796000000000, commits, state: rows.toRecords(0) };
}

describe('checkpoint file', () => {
  it('round-trips the state, the commits and the generation', async () => {
    const read = await decodeCheckpoint(encodeCheckpoint(checkpoint()), 'gold');
    expect([read.layer, read.generation, read.commits]).toEqual(['gold', 1796000000000, commits]);
    expect(
      Array.from({ length: read.state.count }, (_, i) => [
        customerIdAt(read.state, i),
        read.state.regions[read.state.region[i]!],
        read.state.subscribed[i],
        read.state.line[i],
        read.state.source[i],
      ]),
    ).toEqual([
      ['001', 'Europe', 0, 2, 0],
      ['002', 'Asia', 1, 3, 0],
    ]);
  });

  it('with a base: writes only the delta (format 2), and reads back the base merged with it, the later record winning', async () => {
    const base = new LatestCustomerRows();
    base.add('001', 'Europe', true, 2);
    base.add('003', 'Asia', true, 4);
    const later = [
      {
        ...commits[0]!,
        manifestKey: 'silver/_manifests/c.csv.json',
        manifestETag: 'm3',
        eventTime: '2026-11-29T12:00:03.000Z',
        table: { key: 'silver-customers/c.parquet', eTag: 't3', format: 'customers' as const },
      },
    ];
    const all = [commits[0]!, commits[1]!, ...later];
    const delta = new LatestCustomerRows();
    delta.add('001', 'Africa', false, 9);
    const stored: Checkpoint = {
      layer: 'gold',
      generation: 2,
      commits: all,
      state: delta.toRecords(2),
      base: { commit: 0, customers: 2, delta: delta.toRecords(2) },
    };
    const bytes = encodeCheckpoint(stored);
    expect(JSON.parse((await readParquet(bytes, {})).metadata[CHECKPOINT_METADATA_KEY]!)).toMatchObject({
      format: 2,
      customers: 1,
      base: { commit: 0, customers: 2 },
    });
    const read = await decodeCheckpoint(bytes, 'gold', async (commit, source) =>
      commit.table?.key === 'silver-customers/a.parquet' ? base.toRecords(source) : undefined,
    );
    expect(read.base).toMatchObject({ commit: 0, customers: 2 });
    expect(
      Array.from({ length: read.state.count }, (_, i) => [
        customerIdAt(read.state, i),
        read.state.regions[read.state.region[i]!],
        read.state.source[i],
      ]),
    ).toEqual([
      ['001', 'Africa', 2],
      ['003', 'Asia', 0],
    ]);
    await expect(decodeCheckpoint(bytes, 'gold')).rejects.toThrow(
      'the checkpoint names a base table and no reader of it was given',
    );
    await expect(decodeCheckpoint(bytes, 'gold', async () => undefined)).rejects.toThrow(
      'its base table silver-customers/a.parquet is gone or not the one it names',
    );
  });

  it("is not used (rebuilt instead) when it is another layer's, another format, not Parquet, or names a commit it does not hold", async () => {
    const bytes = encodeCheckpoint(checkpoint());
    await expect(decodeCheckpoint(bytes, 'platinum')).rejects.toThrow('a checkpoint of layer gold, not platinum');
    await expect(decodeCheckpoint(new TextEncoder().encode('not parquet'), 'gold')).rejects.toThrow(
      'not a readable checkpoint',
    );
    const state = checkpoint().state;
    const columns = (metadata: object, source: number) => ({
      rows: state.count,
      columns: [
        { name: 'customer_id', kind: 'text' as const, values: state.ids },
        { name: 'region', kind: 'category' as const, categories: state.regions, codes: state.region },
        { name: 'subscribed', kind: 'boolean' as const, values: state.subscribed },
        { name: 'bronze_line', kind: 'int32' as const, values: state.line },
        { name: 'commit', kind: 'int32' as const, values: new Int32Array(state.count).fill(source) },
      ],
      metadata: { [CHECKPOINT_METADATA_KEY]: JSON.stringify(metadata) },
    });
    await expect(
      decodeCheckpoint(writeParquet(columns({ format: 0, layer: 'gold', generation: 1, commits }, 0)), 'gold'),
    ).rejects.toThrow('checkpoint format 0, this code reads formats 1 and 2');
    await expect(
      decodeCheckpoint(writeParquet(columns({ format: 1, layer: 'gold', generation: 1, commits }, 5)), 'gold'),
    ).rejects.toThrow('a record names a commit the checkpoint does not hold');
    await expect(
      decodeCheckpoint(
        writeParquet(columns({ format: 1, layer: 'gold', generation: 1, commits: [...commits, null] }, 0)),
        'gold',
      ),
    ).rejects.toThrow('a commit of the checkpoint is malformed');
    await expect(
      decodeCheckpoint(
        writeParquet(
          columns({ format: 1, layer: 'gold', generation: 1, commits: [{ ...commits[0], manifestKey: 7 }] }, 0),
        ),
        'gold',
      ),
    ).rejects.toThrow('a commit of the checkpoint is malformed');
  });
});
