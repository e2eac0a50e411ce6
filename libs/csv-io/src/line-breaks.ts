/**
 * Counts the line breaks (`\n`, `\r\n` or a lone `\r`) in a record's raw text (native `indexOf`
 * scans: most records have one, or none without their own).
 *
 * @param raw - a record's raw text, e.g. `102,"Line one\r\nLine two"\n`.
 * @returns its line breaks, e.g. 2.
 */
export function countLineBreaks(raw: string): number {
  let breaks = 0;
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) breaks++;
  for (let at = raw.indexOf('\r'); at !== -1; at = raw.indexOf('\r', at + 1))
    if (raw.charCodeAt(at + 1) !== 10) breaks++;
  return breaks;
}
