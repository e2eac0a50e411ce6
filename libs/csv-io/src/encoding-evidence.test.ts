import fc from 'fast-check';
import { Readable } from 'node:stream';
import { encode as encodeWindows1252 } from 'windows-1252';
import { describe, expect, it } from 'vitest';
import { createTextDecoder } from './decode-text';
import { lonePairEvidence, scanEncodingEvidence } from './encoding-evidence';

/** The Windows-1252 bytes of `text`. */
function windows1252(text: string): Buffer {
  return Buffer.from(encodeWindows1252(text));
}

/** What the UTF-8 reading of `bytes` ends in: the text, or the error's class name and message. */
async function utf8Outcome(bytes: Buffer, chunkSize: number): Promise<string> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: Buffer[] = [];
  try {
    for await (const chunk of Readable.from(chunks).pipe(createTextDecoder('utf-8'))) out.push(chunk as Buffer);
    return `text ${Buffer.concat(out).toString('utf8')}`;
  } catch (error) {
    return `${(error as Error).name} ${(error as Error).message}`;
  }
}

describe('lonePairEvidence', () => {
  /** The evidence of the pair `pair` (two Windows-1252 characters) between `before` and `after` (ASCII). */
  const judge = (before: string, pair: string, after: string): string => {
    const [lead, second] = windows1252(pair);
    const context = Buffer.from(before, 'latin1');
    return lonePairEvidence(lead!, second!, {
      before: [context[context.length - 2] ?? -1, context[context.length - 1] ?? -1],
      after: after === '' ? -1 : after.charCodeAt(0),
    });
  };

  it('takes an accented capital or ß before a symbol ending a word, whose UTF-8 reading is no text, for Windows-1252', () => {
    expect(judge('OS', 'É’', 'S')).toBe('windows-1252'); // JOSÉ’S: UTF-8 would be JOSɒS
    expect(judge('NE', 'É\u00a0', 'D')).toBe('windows-1252'); // RENÉ DUPONT → RENɠDUPONT
    expect(judge('RO', 'ß°', '')).toBe('windows-1252'); // GROß° → NKo after Latin
    expect(judge('PE', 'Ñ’', 'A')).toBe('windows-1252'); // PEÑ’A → Cyrillic ђ, lowercase inside a word in capitals
    expect(judge('CH', 'Â’', 'S')).toBe('windows-1252'); // CHÂ’S → a C1 control
    expect(judge('AF', 'É…', '')).toBe('windows-1252'); // CAFÉ… → Ʌ, a letter no orthography writes
    expect(judge('AL', 'Í’', 'S')).toBe('windows-1252'); // ALÍ’S → a combining mark decomposed text does not use
    expect(judge('AN', 'Ç…', '')).toBe('windows-1252'); // FRANÇ… → titlecase ǅ inside a word
  });

  it('takes a possessive after an accented capital as Windows-1252 where both readings are text', () => {
    expect(judge('DR', 'Ä’', 'S')).toBe('windows-1252'); // ANDRÄ’S rather than Latvian ANDRĒS
    expect(judge('DR', 'Ä’', 'E')).toBe('none'); // Ē or Ä’ before another letter: no possessive
    expect(judge('DR', 'É‘', 'S')).toBe('windows-1252'); // ANDRÉ‘S rather than ANDRɑS
    expect(judge('DR', 'Ä´', 'S')).toBe('windows-1252'); // ANDRÄ´S rather than Esperanto ANDRĴS
    expect(judge('er', 'Å‘', 's')).toBe('utf-8'); // Hungarian erős: ‘ and ´ count in capitals only
  });

  it('takes a letter real text writes, whose Windows-1252 reading is no text, for UTF-8', () => {
    expect(judge('ha', 'Å‚', '')).toBe('utf-8'); // Michał: Windows-1252 would be MichaÅ‚
    expect(judge('Y', 'Ä±', 'l')).toBe('utf-8'); // Yıldız
    expect(judge('Mu', 'Ìˆ', 'l')).toBe('utf-8'); // decomposed Müller: u and a combining diaeresis
    expect(judge('GF', 'Î²', ' ')).toBe('none'); // TGFβ: Greek after capitals, or Î² (not Windows-1252 evidence)
    expect(judge('0k', 'Î©', ' ')).toBe('none'); // 10kΩ, or Î©
    expect(judge(' M', 'Ð°', 'r')).toBe('none'); // Mаria with a Cyrillic а, or Ð°
    expect(judge('AI', 'Ê»', 'I')).toBe('utf-8'); // HAWAIʻI: the ʻokina is an apostrophe-like letter
    expect(judge('O', 'Ê¼', 'B')).toBe('utf-8'); // OʼBRIEN
    expect(judge('', 'Å\u0081', 'U')).toBe('utf-8'); // ŁUKASZ: 0x81 is undefined in Windows-1252
    expect(judge(',K', 'É”', 'f')).toBe('utf-8'); // Kɔfi: Windows-1252 would run a closing quote into a letter
  });

  it('takes neither where both readings, or neither, are text', () => {
    expect(judge('SA', 'Ä–', '')).toBe('none'); // SĖ, Lithuanian in capitals, or an en dash after Ä
    expect(judge('E ', 'É°', '')).toBe('none'); // ZONE ɰ (IPA) or ZONE É° after a space
    expect(judge(' K', 'É„', 'M')).toBe('none'); // KɄMBI, the capital of ʉ, or a quote run into a letter
    expect(judge(' ', 'É‚', 'e')).toBe('none'); // Dene ɂekw, or a low quote run into a letter
    expect(judge(' D', 'É”', ' ')).toBe('none'); // Dɔ, Akan, or a closing quote after DÉ
    expect(judge(' ', 'Î”', 'E')).toBe('utf-8'); // ΔELTA: a Greek capital, or a quote run into a letter
    expect(judge('25', 'Ëš', 'C')).toBe('none'); // 25˚C: a modifier beside a letter, or Ë after a digit
  });
});

describe('the encoding rule over a stream', () => {
  it('fails a file of chance pairs only with ChanceUtf8Error at the first pair, after passing its bytes', async () => {
    const bytes = windows1252('Customer ID,Customer Name\n1,JOSÉ’S TAPAS\n');
    expect(await utf8Outcome(bytes, 5)).toBe(
      `ChanceUtf8Error valid UTF-8 only by chance: Windows-1252 text (first at byte ${bytes.indexOf(0xc9)})`,
    );
  });

  it('fails as chance UTF-8 files whose only pairs are possessives', async () => {
    for (const line of ['9,ANDRÄ’S CAFE\n', '9,ANDRÉ‘S CAFE\n']) {
      const bytes = windows1252(`Customer ID,Customer Name\n${line}`);
      const at = 26 + line.indexOf(line.match(/[ÉÈÄ]/)?.[0] ?? '');
      expect(await utf8Outcome(bytes, 4)).toBe(
        `ChanceUtf8Error valid UTF-8 only by chance: Windows-1252 text (first at byte ${at})`,
      );
    }
  });

  it('reads as UTF-8 a file with evidence of UTF-8, whatever chance pairs stand before it', async () => {
    const bytes = Buffer.concat([windows1252('1,JOSÉ’S\n'), Buffer.from('2,Zoë\n')]);
    expect(await utf8Outcome(bytes, 3)).toBe(`text ${bytes.toString('utf8')}`);
  });

  it('decides the same for any chunking of the file (property: random texts, random chunk sizes)', async () => {
    const piece = fc.constantFrom('A', 'B', 'é', 'É’', 'ß°', 'Ä’', 'Ñ’', 'Ə', 'ɔ', ',', '\n', ' ', 'S', 'Â’', '€', 'ʻ');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 9 }), async (pieces, size) => {
        const text = pieces.join('');
        // The Windows-1252 bytes of the text where it has them, else its UTF-8 bytes.
        const inWindows1252 = [...text].every((char) => char.charCodeAt(0) <= 0xff || char === '’' || char === '€');
        const bytes = inWindows1252 ? windows1252(text) : Buffer.from(text);
        const whole = await utf8Outcome(bytes, Math.max(1, bytes.length));
        expect(await utf8Outcome(bytes, size)).toBe(whole);
        const evidence = scanEncodingEvidence(bytes, { stopAtUtf8: false });
        if (whole.startsWith('ChanceUtf8Error')) expect(whole).toContain(`at byte ${evidence.windows1252At})`);
      }),
      { numRuns: 300 },
    );
  });
});
