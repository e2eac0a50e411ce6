import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CsvWriter, formatCsv } from './csv-writer';

describe('CSV writing', () => {
  it('quotes only what needs it, doubles quotes and ends lines with \\n', () => {
    expect(
      formatCsv([
        ['id', 'name'],
        ['101', 'Doe, Jane'],
        ['102', 'Line one\nLine two'],
        ['103', 'Say "hi"'],
        ['001', ''],
      ]),
    ).toBe('id,name\n101,"Doe, Jane"\n102,"Line one\nLine two"\n103,"Say ""hi"""\n001,\n');
  });

  it('quotes a field holding a lone CR, so it reads back as one field', async () => {
    expect(formatCsv([['001', 'Smith\rJones', 'France']])).toBe('001,"Smith\rJones",France\n');
  });

  it('streams the same bytes as formatCsv', async () => {
    const rows = [
      ['Region', 'Customer IDs'],
      ['Europe', '[001, 002]'],
    ];
    const writer = new CsvWriter();
    const output = text(writer.output);
    for (const row of rows) await writer.write(row);
    writer.end();
    expect(await output).toBe(formatCsv(rows));
    expect(await output).toBe('Region,Customer IDs\nEurope,"[001, 002]"\n');
  });
});
