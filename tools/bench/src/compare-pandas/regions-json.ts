import { regionForCountry } from '@medallion/regions';
import { parse } from 'csv-parse';
import { createReadStream, writeFileSync } from 'node:fs';

/**
 * Writes the pandas reference's `REGIONS.json` for a bronze file: each distinct country spelling in
 * it (trimmed, as the reference looks them up) mapped to the region medallion's own lookup gives,
 * so that both sides use one table.
 *
 * @param bronzeFile - a CSV with a `Country` or `Customer Country` column.
 * @param regionsFile - where to write the JSON object (`{"<spelling>": "<Region>"}`).
 * @returns the number of distinct spellings.
 * @throws Error when the file has neither column.
 */
export async function writeRegionsJson(bronzeFile: string, regionsFile: string): Promise<number> {
  const spellings = new Set<string>();
  let column = -1;
  for await (const record of createReadStream(bronzeFile).pipe(parse({ bom: true, relax_column_count: true }))) {
    const fields = record as string[];
    if (column < 0) {
      column = fields.indexOf('Customer Country');
      if (column < 0) column = fields.indexOf('Country');
      if (column < 0) throw new Error(`${bronzeFile}: no Country or Customer Country column`);
      continue;
    }
    spellings.add((fields[column] ?? '').trim());
  }
  const mapping = Object.fromEntries([...spellings].sort().map((spelling) => [spelling, regionForCountry(spelling)]));
  writeFileSync(regionsFile, `${JSON.stringify(mapping, null, 1)}\n`);
  return spellings.size;
}
