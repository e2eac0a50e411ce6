import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silverLayer, type SilverResult } from '../src';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;

beforeAll(async () => {
  lake = await startTestLake();
  handler = createLayerHandler(silverLayer, { s3: lake.s3 });
});

afterAll(async () => {
  await lake.close();
});

/** Windows-1252 bytes of `text` (its characters beyond Latin-1 among ’ “ ” €; the rest Latin-1). */
function windows1252(text: string): Buffer {
  const beyondLatin1: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80, '…': 0x85 };
  return Buffer.from([...text].map((char) => beyondLatin1[char] ?? char.charCodeAt(0)));
}

/** Uploads `bytes` as bronze/<name>.csv, runs silver on its event, and returns its result and silver text. */
async function ingestBytes(name: string, bytes: Buffer) {
  const report = await handler(await lake.put(`bronze/${name}.csv`, bytes));
  return { result: report.results[0], silver: await lake.text(`silver/${name}.csv`) };
}

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status';

describe('silver decides the encoding by one rule over the whole file', () => {
  it('reads Windows-1252 whose accented capitals or ß precede ’ « ° or a no-break space (valid UTF-8 pairs by chance), before and after its first invalid byte', async () => {
    const text =
      `${HEADER}\n` +
      '101,JOSÉ’S TAPAS,Spain,Active\n' +
      '102,Café «CHÂTEAU»,France,Active\n' +
      '103,Gaëlle Müller,France,Active\n' +
      '104,Jürgen Groß\u00a0Straße,Germany,Active\n' +
      '105,ÉCOLE°,France,Cancelled\n';
    for (const [name, bytes] of [
      ['cp1252-chance-pairs-first', windows1252(text)],
      ['cp1252-chance-pairs-late', windows1252(text.replace('101,JOSÉ’S', '101,Josée’s'))],
    ] as const) {
      const { result, silver } = await ingestBytes(name, bytes);
      expect(result).toMatchObject({ kind: 'processed', encoding: 'windows-1252' });
      expect(silver).toBe(
        `${HEADER},Region\n` +
          (name.endsWith('first')
            ? '101,JOSÉ’S TAPAS,Spain,Active,Europe\n'
            : '101,Josée’s TAPAS,Spain,Active,Europe\n') +
          '102,Café «CHÂTEAU»,France,Active,Europe\n' +
          '103,Gaëlle Müller,France,Active,Europe\n' +
          '104,Jürgen Groß\u00a0Straße,Germany,Active,Europe\n' +
          '105,ÉCOLE°,France,Cancelled,Europe\n',
      );
    }
  });

  it('reads as Windows-1252 a file whose only accents are such chance pairs, valid UTF-8 as they are', async () => {
    const names = ['JOSÉ’S TAPAS', 'GROß° GMBH', 'RENÉ\u00a0DUPONT', 'PEÑ’A', 'CHÂ’S', 'CAFÉ…', 'ALÍ’S SHOP', 'FRANÇ…'];
    for (const [index, name] of names.entries()) {
      const bytes = windows1252(`${HEADER}\n10${index},${name},France,Active\n`);
      const { result, silver } = await ingestBytes(`cp1252-only-chance-pairs-${index}`, bytes);
      expect(result).toMatchObject({ kind: 'processed', encoding: 'windows-1252' });
      expect(silver).toBe(`${HEADER},Region\n10${index},${name},France,Active,Europe\n`);
    }
  });

  it('keeps UTF-8 a file of letters that chance pairs could be but real text writes (ɔ, Ɛ, ʻ, Ē)', async () => {
    const text = `${HEADER}\n1,Kɔfi Mensah,Ghana,Active\n2,Ɛfua Asante,Ghana,Active\n3,ʻOla Kahale,United States,Active\n4,ĒRIKS,Latvia,Active\n`;
    const { result, silver } = await ingestBytes('utf8-plausible-pairs', Buffer.from(text));
    expect(result).toMatchObject({ kind: 'processed', encoding: 'utf-8' });
    expect(silver).toContain('1,Kɔfi Mensah,Ghana,Active,Africa\n2,Ɛfua Asante,Ghana,Active,Africa\n');
    expect(silver).toContain('4,ĒRIKS,Latvia,Active,Europe\n');
  });

  it('keeps UTF-8 the letters whose Windows-1252 reading is no text: apostrophe letters in capitals, a Greek letter in a brand, 0x81', async () => {
    const names = ['HAWAIʻI LLC', 'OʼBRIEN', 'ΔELTA Corp', 'iPhone Ωmega', '25˚C Ltd', 'ŁUKASZ'];
    const text = `${HEADER}\n${names.map((name, i) => `${i + 1},${name},Poland,Active`).join('\n')}\n`;
    const { result, silver } = await ingestBytes('utf8-unlike-windows-1252', Buffer.from(text));
    expect(result).toMatchObject({ kind: 'processed', encoding: 'utf-8' });
    expect(silver).toBe(
      `${HEADER},Region\n${names.map((name, i) => `${i + 1},${name},Poland,Active,Europe`).join('\n')}\n`,
    );
  });

  it('rejects a UTF-8 file whose only accents are lone letters (ł, ı) or decomposed marks, with one stray byte after them', async () => {
    for (const [name, names] of [
      ['utf8-lone-letters-stray', 'Michał,Yıldız'],
      ['utf8-nfd-stray', 'Mu\u0308ller,Franc\u0327oise'],
    ] as const) {
      const good = Buffer.from(
        `${HEADER}\n1,${names.split(',')[0]},Poland,Active\n2,${names.split(',')[1]},Turkey,Active\n3,Caf`,
      );
      const bytes = Buffer.concat([good, Buffer.from([0xe9]), Buffer.from(',France,Active\n')]);
      const { result, silver } = await ingestBytes(name, bytes);
      expect(result).toMatchObject({ kind: 'rejected', rule: 'encoding', encoding: 'unknown' });
      expect((result as { reason: string }).reason).toBe(
        `invalid UTF-8 in a UTF-8 file (at byte ${good.length}); repair the file or save it as UTF-8 again`,
      );
      expect(silver).toBeUndefined();
    }
  });

  it('rejects UTF-16 without a byte order mark as an encoding it does not read', async () => {
    const { result } = await ingestBytes('utf16le-no-bom', Buffer.from(`${HEADER}\n1,Ana,Chile,Active\n`, 'utf16le'));
    expect(result).toMatchObject({ kind: 'rejected', rule: 'encoding', encoding: 'unknown' });
    expect((result as { reason: string }).reason).toContain('UTF-16 text without a byte order mark');
  });

  it('rejects a UTF-8 file of accented names with one stray byte after them, at the byte where it is', async () => {
    const names = Buffer.from(
      `${HEADER}\n201,Gaëlle Müller,France,Active\n202,François Lefèvre,France,Active\n203,Zoë Straße,Germany,Active\n204,Ren`,
    );
    const bytes = Buffer.concat([names, Buffer.from([0xe9]), Buffer.from(' Dubois,France,Active\n')]);
    expect(names.length).toBe(173);
    const { result, silver } = await ingestBytes('utf8-stray-byte-late', bytes);
    expect(result).toMatchObject({
      kind: 'rejected',
      rule: 'encoding',
      reason: 'invalid UTF-8 in a UTF-8 file (at byte 173); repair the file or save it as UTF-8 again',
    });
    expect(silver).toBeUndefined();
  });

  it('rejects a UTF-8 file whose stray byte precedes its accented names as mixed, naming the first UTF-8 text', async () => {
    const before = Buffer.from(`${HEADER}\n301,Anna Schmidt,Germany,Active\n302,Ren`);
    expect(before.length).toBe(102);
    const bytes = Buffer.concat([
      before,
      Buffer.from([0xe9]),
      Buffer.from(',France,Active\n303,Gaëlle,France,Active\n'),
    ]);
    const { result } = await ingestBytes('utf8-stray-byte-early', bytes);
    expect(result).toMatchObject({
      kind: 'rejected',
      rule: 'encoding',
      reason: `mixed encodings: the file has bytes that are not UTF-8, and UTF-8 text (at byte ${bytes.indexOf('ë')}); repair the file or save it as UTF-8 again`,
    });
  });

  it('rejects Windows-1252 holding UTF-8 text of three bytes (’ as E2 80 99) as mixed', async () => {
    const bytes = Buffer.concat([
      windows1252(`${HEADER}\n401,Müller,Germany,Active\n`),
      Buffer.from('402,O’Brien,Ireland,Active\n'),
    ]);
    const { result } = await ingestBytes('cp1252-with-utf8-quote', bytes);
    // Read in neither encoding: the result and the manifest say so, not windows-1252.
    expect(result).toMatchObject({ kind: 'rejected', rule: 'encoding', encoding: 'unknown' });
    const manifest = JSON.parse((await lake.text('silver/_manifests/cp1252-with-utf8-quote.csv.json'))!);
    expect(manifest).toMatchObject({ outcome: 'rejected', encoding: 'unknown', rejection: { rule: 'encoding' } });
    expect((result as { reason: string }).reason).toContain(`UTF-8 text (at byte ${bytes.indexOf('’')})`);
  });

  it('reads as UTF-8 any file that is valid UTF-8, lone letters of other scripts included (Romanian ș, Azerbaijani ə, Ё)', async () => {
    const { result, silver } = await ingestBytes(
      'utf8-lone-letters',
      Buffer.from(`${HEADER}\n1,Ștefan,Romania,Active\n2,Əliyev,Azerbaijan,Active\n3,Ё-Mobile,Russia,Active\n`),
    );
    expect(result).toMatchObject({ kind: 'processed', encoding: 'utf-8' });
    expect(silver).toContain(
      '1,Ștefan,Romania,Active,Europe\n2,Əliyev,Azerbaijan,Active,Asia\n3,Ё-Mobile,Russia,Active,Europe\n',
    );
  });

  it('keeps UTF-8 a file whose multi-byte text is a Greek or Cyrillic word, or a lone Latin Extended-A letter', async () => {
    const greek = await ingestBytes(
      'utf8-greek',
      Buffer.from(`${HEADER}\n1,Ελένη,Ελλάδα,Active\n2,Олена,Україна,Active\n`),
    );
    expect(greek.result).toMatchObject({ kind: 'processed', encoding: 'utf-8' });
    expect(greek.silver).toContain('1,Ελένη,Ελλάδα,Active,Europe\n2,Олена,Україна,Active,Europe\n');
    const polish = await ingestBytes('utf8-polish', Buffer.from(`${HEADER}\n1,Michał,Poland,Active\n`));
    expect(polish.result).toMatchObject({ kind: 'processed', encoding: 'utf-8' });
  });

  it('rejects as mixed a UTF-8 file of Greek words with one stray Windows-1252 byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n1,Eleni,Ελλάδα,Active\n2,Ahmet,Turkiye,Active\n3,Caf`),
      Buffer.from([0xe9]),
      Buffer.from(',France,Active\n'),
    ]);
    const { result, silver } = await ingestBytes('utf8-greek-stray-byte', bytes);
    expect(result).toMatchObject({ kind: 'rejected', rule: 'encoding', encoding: 'unknown' });
    expect(silver).toBeUndefined();
  });
});
