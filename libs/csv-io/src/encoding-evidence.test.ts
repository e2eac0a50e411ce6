import fc from 'fast-check';
import { Readable } from 'node:stream';
import { encode as encodeWindows1252 } from 'windows-1252';
import { describe, expect, it } from 'vitest';
import { createTextDecoder } from './decode-text';
import { isWindows1252ByChance, scanEncodingEvidence } from './encoding-evidence';

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

describe('isWindows1252ByChance', () => {
  const pairOf = (text: string): [number, number] => {
    const bytes = windows1252(text);
    return [bytes[0]!, bytes[1]!];
  };
  const judge = (before: string, pair: string, after: string): boolean => {
    const [lead, second] = pairOf(pair);
    const context = Buffer.from(before.padStart(2, '\0'), 'latin1');
    const beforeBytes: [number, number] = [
      before.length >= 2 ? context[0]! : -1,
      before.length >= 1 ? context[1]! : -1,
    ];
    return isWindows1252ByChance(lead, second, beforeBytes, after === '' ? -1 : after.charCodeAt(0));
  };

  it('takes an accented capital or ß before a symbol, ending a word in capitals, for Windows-1252', () => {
    expect(judge('OS', 'É’', 'S')).toBe(true); // JOSÉ’S: UTF-8 would be JOSɒS
    expect(judge('AF', 'É«', '')).toBe(true); // CAFÉ« → CAFɫ
    expect(judge('NE', 'É\u00a0', 'D')).toBe(true); // RENÉ DUPONT → RENɠDUPONT
    expect(judge('RO', 'ß°', '')).toBe(true); // GROß° → NKo after Latin
    expect(judge('PE', 'Ñ’', 'A')).toBe(true); // PEÑ’A → Cyrillic ђ inside a Latin word
    expect(judge('CH', 'Â’', 'S')).toBe(true); // CHÂ’S → a C1 control
    expect(judge('TR', 'Ë’', '')).toBe(true); // a modifier symbol after a letter
  });

  it('leaves UTF-8 the letters real text writes there', () => {
    expect(judge(',K', 'É”', 'f')).toBe(false); // Kɔfi: ɔ after one capital, before a lowercase letter
    expect(judge(',', 'Æ\u0090', 'f')).toBe(false); // Ɛfua: an uppercase letter
    expect(judge(',', 'Ê»', 'O')).toBe(false); // ʻOla: the ʻokina starts the word
    expect(judge('ER', 'Ä’', 'S')).toBe(false); // Ē in capitals: Latvian in UTF-8, which the rule cannot tell from Ä’
    expect(judge('', 'Î’', '')).toBe(false); // a Greek letter with no Latin letter beside it
  });
});

describe('the encoding rule over a stream', () => {
  it('fails a file of chance pairs only with ChanceUtf8Error at the first pair, after passing its bytes', async () => {
    const bytes = windows1252('Customer ID,Customer Name\n1,JOSÉ’S TAPAS\n');
    expect(await utf8Outcome(bytes, 5)).toBe(
      `ChanceUtf8Error valid UTF-8 only by chance: Windows-1252 text (first at byte ${bytes.indexOf(0xc9)})`,
    );
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
        const evidence = scanEncodingEvidence(bytes, 0, false);
        if (whole.startsWith('ChanceUtf8Error')) expect(whole).toContain(`at byte ${evidence.windows1252At})`);
      }),
      { numRuns: 300 },
    );
  });
});
