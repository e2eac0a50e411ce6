import { bronzeFixtureBytes, bronzeFixturePath } from '@medallion/schemas/testing';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_SETTINGS } from '../src/settings';
import { lastJsonLine, npmStart, WORKSPACE_ROOT } from './run-medallion';

/** Gold of data/, computed independently of medallion from the two sample files (latest record per ID). */
const DATA_GOLD = [
  {
    region: 'Africa',
    subscribedCustomers: 9,
    customerIds: ['001', '009', '017', '068', '092', '100', '108', '116', '124'],
  },
  {
    region: 'Antarctica',
    subscribedCustomers: 8,
    customerIds: ['010', '018', '026', '050', '069', '077', '101', '117'],
  },
  {
    region: 'Asia',
    subscribedCustomers: 12,
    customerIds: ['003', '027', '035', '043', '059', '070', '078', '086', '094', '102', '110', '118'],
  },
  {
    region: 'Caribbean',
    subscribedCustomers: 10,
    customerIds: ['004', '012', '020', '028', '052', '079', '087', '103', '111', '119'],
  },
  {
    region: 'Europe',
    subscribedCustomers: 10,
    customerIds: ['005', '021', '037', '045', '053', '072', '080', '104', '112', '120'],
  },
  {
    region: 'North America',
    subscribedCustomers: 11,
    customerIds: ['006', '014', '038', '046', '073', '081', '089', '097', '105', '113', '121'],
  },
  {
    region: 'Oceania',
    subscribedCustomers: 10,
    customerIds: ['007', '023', '031', '039', '047', '055', '063', '066', '098', '114'],
  },
  { region: 'Others', subscribedCustomers: 1, customerIds: ['011'] },
  {
    region: 'South America',
    subscribedCustomers: 12,
    customerIds: ['008', '016', '032', '040', '048', '056', '060', '064', '067', '075', '099', '123'],
  },
];

/**
 * Platinum of data/, computed independently of medallion (Python over the exported silver tables:
 * latest record per ID, rate rounded half up on the exact fraction). Africa's 9/16 is 56.25 %, so 56.3.
 */
const DATA_PLATINUM = [
  { region: 'Africa', customers: 16, subscribedCustomers: 9, subscriptionRate: '56.3' },
  { region: 'Antarctica', customers: 15, subscribedCustomers: 8, subscriptionRate: '53.3' },
  { region: 'Asia', customers: 14, subscribedCustomers: 12, subscriptionRate: '85.7' },
  { region: 'Caribbean', customers: 14, subscribedCustomers: 10, subscriptionRate: '71.4' },
  { region: 'Europe', customers: 15, subscribedCustomers: 10, subscriptionRate: '66.7' },
  { region: 'North America', customers: 16, subscribedCustomers: 11, subscriptionRate: '68.8' },
  { region: 'Oceania', customers: 16, subscribedCustomers: 10, subscriptionRate: '62.5' },
  { region: 'Others', customers: 1, subscribedCustomers: 1, subscriptionRate: '100.0' },
  { region: 'South America', customers: 17, subscribedCustomers: 12, subscriptionRate: '70.6' },
];

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'medallion-e2e-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Top-level folders these tests know; a layer added since (`nx g @medallion/tools:layer`) writes under a prefix of its own, left out here. */
const KNOWN_FOLDERS = /^(\.medallion-export$|bronze\/|silver\/|silver-customers\/|gold\/|platinum\/|quarantine\/)/;

/** The exported files under the known folders, relative and sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((file) => KNOWN_FOLDERS.test(file))
    .sort();
}

describe('npm start (medallion run) on data/', () => {
  it('prints the gold and platinum tables readably and a summary, exit 0', async () => {
    const { code, stdout } = await npmStart([]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Gold: customers by region (gold/customers_by_region.csv)');
    for (const row of DATA_GOLD) {
      const shown =
        row.customerIds.length > 8
          ? `${row.customerIds.slice(0, 8).join(', ')}, … (+${row.customerIds.length - 8} more)`
          : row.customerIds.join(', ');
      expect(
        lines.some((line) =>
          new RegExp(
            `^│ ${row.region} +│ ${row.subscribedCustomers} +│ \\[${shown.replace(/[()+[\]]/g, '\\$&')}\\] +│$`,
          ).test(line),
        ),
      ).toBe(true);
    }
    const platinumTitle = lines.indexOf(
      'Platinum: subscription rate by region, % (platinum/subscription_rate_by_region.csv)',
    );
    expect(platinumTitle).toBeGreaterThan(0);
    expect(
      lines.slice(platinumTitle + 3, platinumTitle + 3 + DATA_PLATINUM.length).map((line) =>
        line
          .split('│')
          .map((cell) => cell.trim())
          .slice(1, 5),
      ),
    ).toEqual(
      DATA_PLATINUM.map((row) => [
        row.region,
        String(row.customers),
        String(row.subscribedCustomers),
        row.subscriptionRate,
      ]),
    );
    expect(stdout).toMatch(
      /\n2 file\(s\): 129 bronze rows → 129 silver, 0 quarantined, 0 blank; 1 with an unknown country; 0 file\(s\) rejected\. \d+\.\d s\.\nwarnings \(rows\): country-known 1\ncountries not in the region table \(rows; see each manifest for all\): "Atlantis" 1\n$/,
    );
  });

  it('with --json prints the exact gold and platinum tables and counts as the last stdout line, logs on stderr only', async () => {
    const { code, stdout } = await npmStart(['--json', '--lake-dir', join(scratch, 'lake-json')]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(lastJsonLine(stdout)).toEqual({
      gold: DATA_GOLD,
      platinum: DATA_PLATINUM,
      counts: {
        files: 2,
        bronzeRows: 129,
        silverRows: 129,
        quarantinedRows: 0,
        blankRows: 0,
        unknownCountryRows: 1,
        rejectedFiles: 0,
        nonUtf8Files: 0,
        warnings: { 'country-known': 1 },
        unknownCountries: [{ country: 'Atlantis', rows: 1 }],
        unknownStatuses: [],
      },
      files: [
        {
          key: 'bronze/dummy_data_1.csv',
          outcome: 'processed',
          encoding: 'utf-8',
          counts: { dataRecords: 64, silverRows: 64, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 1 },
          warnings: { 'country-known': 1 },
        },
        {
          key: 'bronze/dummy_data_2.csv',
          outcome: 'processed',
          encoding: 'utf-8',
          counts: { dataRecords: 65, silverRows: 65, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 },
        },
      ],
      failures: [],
    });
  });
});

describe('npm start -- --json --out DIR FILE...', () => {
  it('processes the named files in order, exports the lake, and exits 1 because one file was rejected', async () => {
    const out = join(scratch, 'out-mixed');
    const fixtures = [
      'quoted-fields.csv',
      'ragged-and-blank.csv',
      'duplicate-header.csv',
      'leading-zero-ids.csv',
      'duplicate-customers.csv',
      'datablist-schema.csv',
    ] as const;
    const { code, stdout, stderr } = await npmStart([
      '--json',
      '--out',
      out,
      '--lake-dir',
      join(scratch, 'lake-mixed'),
      ...fixtures.map(bronzeFixturePath),
    ]);
    expect(code).toBe(1);
    const { platinum, files, failures, ...goldAndCounts } = lastJsonLine(stdout) as {
      platinum: Array<{ region: string; subscribedCustomers: number }>;
      files: Array<{ key: string; outcome: string; rule?: string; quarantineKey?: string }>;
      failures: unknown[];
    };
    expect(failures).toEqual([]);
    expect(goldAndCounts).toEqual({
      gold: [
        { region: 'Africa', subscribedCustomers: 3, customerIds: ['221', '224', 'Zz9Yy8Xx7Ww6Vv5'] },
        { region: 'Asia', subscribedCustomers: 1, customerIds: ['112'] },
        { region: 'Europe', subscribedCustomers: 3, customerIds: ['111', '1401', 'Qq1Ww2Ee3Rr4Tt5'] },
        { region: 'North America', subscribedCustomers: 3, customerIds: ['00003', '0002', '01'] },
        { region: 'South America', subscribedCustomers: 2, customerIds: ['113', 'aB3dE5f7G9h1J2k'] },
      ],
      counts: {
        files: 6,
        bronzeRows: 20,
        silverRows: 15,
        quarantinedRows: 2,
        blankRows: 3,
        unknownCountryRows: 0,
        rejectedFiles: 1,
        nonUtf8Files: 0,
        // datablist-schema.csv has no status column: its 3 rows count as subscribed, with a warning.
        warnings: { 'status-column-present': 3 },
        unknownCountries: [],
        unknownStatuses: [],
      },
    });
    // Each file's outcome, in the order given: the rejected one with its rule, the quarantining one with its key.
    expect(files.map(({ key, outcome, rule, quarantineKey }) => [key, outcome, rule, quarantineKey])).toEqual([
      ['bronze/quoted-fields.csv', 'processed', undefined, undefined],
      ['bronze/ragged-and-blank.csv', 'processed', undefined, 'quarantine/ragged-and-blank.csv'],
      ['bronze/duplicate-header.csv', 'rejected', 'column-names-unique', undefined],
      ['bronze/leading-zero-ids.csv', 'processed', undefined, undefined],
      ['bronze/duplicate-customers.csv', 'processed', undefined, undefined],
      ['bronze/datablist-schema.csv', 'processed', undefined, undefined],
    ]);
    expect(files[1]).toEqual({
      key: 'bronze/ragged-and-blank.csv',
      outcome: 'processed',
      encoding: 'utf-8',
      counts: { dataRecords: 7, silverRows: 2, quarantinedRows: 2, blankRows: 3, unknownCountryRows: 0 },
      quarantineKey: 'quarantine/ragged-and-blank.csv',
    });
    expect(files[2]).toMatchObject({ reason: 'duplicate column "country" in the header' });
    // Platinum counts subscribed customers as gold does.
    expect(platinum.map((row) => [row.region, row.subscribedCustomers])).toEqual([
      ['Africa', 3],
      ['Asia', 1],
      ['Europe', 3],
      ['North America', 3],
      ['South America', 2],
    ]);
    expect(stderr).toContain('rejected bronze/duplicate-header.csv: duplicate column "country" in the header');
    expect(await filesUnder(out)).toEqual([
      '.medallion-export',
      ...fixtures.map((f) => `bronze/${f}`).sort(),
      'gold/_checkpoint/state.parquet',
      'gold/_manifests/customers_by_region.json',
      'gold/customers_by_region.csv',
      'gold/region_customers/region_customers.parquet',
      'platinum/_checkpoint/state.parquet',
      'platinum/_manifests/subscription_rate_by_region.json',
      'platinum/subscription_rate_by_region.csv',
      'platinum/subscription_rate_by_region/subscription_rate_by_region.csv',
      'quarantine/duplicate-header.error.json',
      'quarantine/ragged-and-blank.csv',
      ...fixtures
        .filter((f) => f !== 'duplicate-header.csv')
        .map((f) => `silver-customers/${f.replace(/\.csv$/, '.parquet')}`)
        .sort(),
      ...fixtures.map((f) => `silver/_manifests/${f}.json`).sort(),
      ...fixtures
        .filter((f) => f !== 'duplicate-header.csv')
        .map((f) => `silver/${f}`)
        .sort(),
    ]);
    for (const fixture of fixtures)
      expect(readFileSync(join(out, 'bronze', fixture))).toEqual(bronzeFixtureBytes(fixture));
    expect(readFileSync(join(out, 'silver/quoted-fields.csv'), 'utf8')).toBe(
      'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n111,"Smith, John",France,Active,Europe\n112,"First line\nSecond line",India,Active,Asia\n113,"The ""Boss""",Peru,Active,South America\n',
    );
    expect(readFileSync(join(out, 'quarantine/ragged-and-blank.csv'), 'utf8')).toBe(
      'Line,Reason,Raw Record\n3,column-count: the record has 5 fields but the header has 4 columns,"222,Ben,Main St 1,Spain,Active"\n7,column-count: the record has 2 fields but the header has 4 columns,"223,Cid"\n',
    );
    expect(JSON.parse(readFileSync(join(out, 'quarantine/duplicate-header.error.json'), 'utf8'))).toMatchObject({
      bronzeKey: 'bronze/duplicate-header.csv',
      rule: 'column-names-unique',
      reason: 'duplicate column "country" in the header',
    });
    expect(readFileSync(join(out, 'gold/customers_by_region.csv'), 'utf8')).toBe(
      'Region,Subscribed Customers,Customer IDs\nAfrica,3,"[221, 224, Zz9Yy8Xx7Ww6Vv5]"\nAsia,1,[112]\nEurope,3,"[111, 1401, Qq1Ww2Ee3Rr4Tt5]"\nNorth America,3,"[00003, 0002, 01]"\nSouth America,2,"[113, aB3dE5f7G9h1J2k]"\n',
    );
  });

  it('gives the same result with EventBridge-shaped events, exit 0 when nothing is rejected', async () => {
    const out = join(scratch, 'out-eventbridge');
    const { code, stdout } = await npmStart([
      '--json',
      '--event-shape',
      'eventbridge',
      '--out',
      out,
      '--lake-dir',
      join(scratch, 'lake-eb'),
      bronzeFixturePath('header-only.csv'),
      bronzeFixturePath('status-variants.csv'),
    ]);
    expect(code).toBe(0);
    expect(lastJsonLine(stdout)).toEqual({
      gold: [
        {
          region: 'Europe',
          subscribedCustomers: 8,
          customerIds: ['1301', '1302', '1303', '1304', '1305', '1309', '1310', '1311'],
        },
      ],
      // 11 customers in Norway, 8 subscribed: 72.72… %.
      platinum: [{ region: 'Europe', customers: 11, subscribedCustomers: 8, subscriptionRate: '72.7' }],
      counts: {
        files: 2,
        bronzeRows: 11,
        silverRows: 11,
        quarantinedRows: 0,
        blankRows: 0,
        unknownCountryRows: 0,
        rejectedFiles: 0,
        nonUtf8Files: 0,
        warnings: { 'status-recognized': 1 },
        unknownCountries: [],
        unknownStatuses: [{ status: '', rows: 1 }],
      },
      files: [
        {
          key: 'bronze/header-only.csv',
          outcome: 'processed',
          encoding: 'utf-8',
          counts: { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 },
        },
        {
          key: 'bronze/status-variants.csv',
          outcome: 'processed',
          encoding: 'utf-8',
          counts: { dataRecords: 11, silverRows: 11, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0 },
          warnings: { 'status-recognized': 1 },
        },
      ],
      failures: [],
    });
    expect(readFileSync(join(out, 'silver/header-only.csv'), 'utf8')).toBe(
      'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n',
    );
    expect(existsSync(join(out, 'quarantine'))).toBe(false);
  });
});

describe('npm start -- --json --out DIR on every bad-input kind', () => {
  it('holds each case: decoded Windows-1252, escaped formulas, country and status variants, header-only, rejections', async () => {
    const out = join(scratch, 'out-cases');
    const fixtures = [
      'bom-crlf.csv',
      'windows-1252.csv',
      'formula-injection.csv',
      'country-variants.csv',
      'status-variants.csv',
      'header-only.csv',
      'empty.csv',
      'missing-country-header.csv',
      'unclosed-quote.csv',
      'mixed-line-endings.csv',
    ] as const;
    const { code, stdout } = await npmStart([
      '--json',
      '--out',
      out,
      '--lake-dir',
      join(scratch, 'lake-cases'),
      ...fixtures.map(bronzeFixturePath),
    ]);
    expect(code).toBe(1);
    const summary = lastJsonLine(stdout) as {
      counts: Record<string, unknown>;
      gold: Array<{ region: string; customerIds: string[] }>;
      files: Array<{ key: string; outcome: string; rule?: string; encoding?: string }>;
    };
    expect(summary.counts).toEqual({
      files: 10,
      bronzeRows: 28,
      silverRows: 28,
      quarantinedRows: 0,
      blankRows: 0,
      unknownCountryRows: 2,
      rejectedFiles: 3,
      nonUtf8Files: 1,
      warnings: { 'country-known': 2, 'status-recognized': 1 },
      unknownCountries: [
        { country: '', rows: 1 },
        { country: 'Atlantis', rows: 1 },
      ],
      unknownStatuses: [{ status: '', rows: 1 }],
    });
    expect(summary.files.filter((file) => file.outcome === 'rejected').map(({ key, rule }) => [key, rule])).toEqual([
      ['bronze/empty.csv', 'header-present'],
      ['bronze/missing-country-header.csv', 'country-column-present'],
      ['bronze/unclosed-quote.csv', 'well-formed-csv'],
    ]);
    expect(summary.files.find((file) => file.key === 'bronze/windows-1252.csv')?.encoding).toBe('windows-1252');
    expect(readFileSync(join(out, 'silver/windows-1252.csv'), 'utf8')).toBe(
      'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n661,José,Curaçao,Active,Caribbean\n',
    );
    expect(readFileSync(join(out, 'silver/formula-injection.csv'), 'utf8')).toContain(
      "771,'=1+2,Brazil,Active,South America\n772,'@cmd,Chile,Active,South America\n",
    );
    expect(readFileSync(join(out, 'bronze/formula-injection.csv'))).toEqual(
      bronzeFixtureBytes('formula-injection.csv'),
    );
    expect(summary.gold.find((row) => row.region === 'Others')?.customerIds).toEqual(['1208', '1209']);
    const rules = ['empty', 'missing-country-header', 'unclosed-quote'].map(
      (name) => JSON.parse(readFileSync(join(out, `quarantine/${name}.error.json`), 'utf8')).rule,
    );
    expect(rules).toEqual(['header-present', 'country-column-present', 'well-formed-csv']);
  });
});

describe('npm start: bad arguments', () => {
  it('exits 2 on an unknown option, saying so', async () => {
    const { code, stderr, stdout } = await npmStart(['--nope']);
    expect(code).toBe(2);
    expect(stderr).toContain("error: unknown option '--nope'\n(add --help for usage)");
    expect(stdout).toBe('');
  });

  it('exits 2 on a non-CSV FILE, on two FILEs of one name, and on an --out folder it did not make', async () => {
    await writeFile(join(scratch, 'notes.txt'), 'Customer ID,Country\n1,Chile\n');
    const notCsv = await npmStart([join(scratch, 'notes.txt')]);
    expect(notCsv.code).toBe(2);
    expect(notCsv.stderr).toContain('is not a .csv file; the layers take .csv or .CSV objects only');
    const twice = await npmStart([bronzeFixturePath('bom-crlf.csv'), bronzeFixturePath('bom-crlf.csv')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('would both be uploaded as bronze/bom-crlf.csv; rename one, or run them separately');
    const foreign = join(scratch, 'foreign');
    await mkdir(foreign);
    await writeFile(join(foreign, 'keep.txt'), 'mine');
    const refused = await npmStart([
      '--out',
      foreign,
      '--lake-dir',
      join(scratch, 'lake-foreign'),
      bronzeFixturePath('bom-crlf.csv'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `error: --out ${foreign} is not empty and was not made by medallion; give an empty or new folder`,
    );
    expect(await readdir(foreign)).toEqual(['keep.txt']);
    const percent = await npmStart(['--lake-dir', join(scratch, 'lake-setting'), bronzeFixturePath('bom-crlf.csv')], {
      MEDALLION_MAX_QUARANTINED_PERCENT: '10%',
    });
    expect(percent.code).toBe(2);
    expect(percent.stderr).toContain(
      "error: MEDALLION_MAX_QUARANTINED_PERCENT=10%: give a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
    );
    const chars = await npmStart(['--lake-dir', join(scratch, 'lake-setting'), bronzeFixturePath('bom-crlf.csv')], {
      MEDALLION_MAX_RECORD_CHARS: '1MB',
    });
    expect(chars.code).toBe(2);
    expect(chars.stderr).toContain(
      'error: MEDALLION_MAX_RECORD_CHARS=1MB: give a whole number of characters, 1 or more',
    );
    const threads = await npmStart(['--lake-dir', join(scratch, 'lake-setting'), bronzeFixturePath('bom-crlf.csv')], {
      MEDALLION_WORKER_THREADS: 'many',
    });
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain(
      'error: MEDALLION_WORKER_THREADS=many: give a whole number of worker threads, 0 to 64',
    );
  });

  it('exits 2 before writing anything when --out and --lake-dir overlap or one is refused', async () => {
    const shared = join(scratch, 'shared-folder');
    const same = await npmStart(['--out', shared, '--lake-dir', shared, bronzeFixturePath('bom-crlf.csv')]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain(
      `error: --out ${shared} and --lake-dir ${shared} overlap (each is emptied at the start of a run); give two separate folders`,
    );
    expect(existsSync(shared)).toBe(false);
    const foreignLake = join(scratch, 'foreign-lake');
    await mkdir(foreignLake);
    await writeFile(join(foreignLake, 'keep.txt'), 'mine');
    const newOut = join(scratch, 'out-never-written');
    const refused = await npmStart(['--out', newOut, '--lake-dir', foreignLake, bronzeFixturePath('bom-crlf.csv')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: --lake-dir ${foreignLake} is not empty and was not made by medallion`);
    expect(existsSync(newOut)).toBe(false);
  });

  it('exits 2 when another live run holds the lake folder, naming it and the process; takes over a dead one', async () => {
    const lakeDir = join(scratch, 'lake-locked');
    await writeFile(`${lakeDir}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: 'test' }));
    const held = await npmStart(['--lake-dir', lakeDir, bronzeFixturePath('bom-crlf.csv')]);
    expect(held.code).toBe(2);
    expect(held.stderr).toContain(
      `error: --lake-dir ${lakeDir} is in use by process ${process.pid} on ${hostname()} (since test); wait for that run to end, or give another --lake-dir`,
    );
    const outDir = join(scratch, 'out-locked');
    await writeFile(`${outDir}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: 'test' }));
    const outHeld = await npmStart([
      '--out',
      outDir,
      '--lake-dir',
      join(scratch, 'lake-out-locked'),
      bronzeFixturePath('bom-crlf.csv'),
    ]);
    expect(outHeld.code).toBe(2);
    expect(outHeld.stderr).toContain(`error: --out ${outDir} is in use by process ${process.pid} on ${hostname()}`);
    expect(existsSync(outDir)).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(`${lakeDir}.lock`, JSON.stringify({ pid: dead, host: hostname(), since: 'test' }));
    const takeover = await npmStart(['--lake-dir', lakeDir, bronzeFixturePath('bom-crlf.csv')]);
    expect(takeover.code).toBe(0);
    expect(existsSync(`${lakeDir}.lock`)).toBe(false);
  });

  it('exits 2 on a bucket name S3 would refuse, naming the rule, before anything is written', async () => {
    const lakeDir = join(scratch, 'lake-bucket');
    const { code, stderr } = await npmStart([
      '--bucket',
      'My_Bucket',
      '--lake-dir',
      lakeDir,
      bronzeFixturePath('bom-crlf.csv'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'error: --bucket My_Bucket: a bucket name must hold only lower-case letters, digits, dots (.) and hyphens (-)',
    );
    expect(existsSync(lakeDir)).toBe(false);
  });

  it('exits 2 on a FILE that does not exist, saying what to do', async () => {
    const { code, stderr } = await npmStart(['no/such/file.csv']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: FILE no/such/file.csv does not exist (looked for ');
    expect(stderr).toContain('give paths to CSV files or folders');
  });

  it("prints medallion's version and exits 0 with --version", async () => {
    const { code, stdout } = await npmStart(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('prints help and exits 0 with --help', async () => {
    const { code, stdout } = await npmStart(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: medallion run [options] [FILE...]');
    expect(stdout).toContain('--out <DIR>');
    for (const setting of CLI_SETTINGS)
      expect(stdout).toContain(`  ${setting.name}\n      ${setting.accepts}; default: ${setting.defaultText}`);
  });
});
