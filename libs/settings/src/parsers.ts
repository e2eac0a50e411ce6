/**
 * A parser of whole numbers (decimal digits only: no sign, point, exponent or `0x`).
 *
 * @param least - the smallest accepted.
 * @returns the parser: the number, or undefined for any other text or a number below `least`.
 */
export function wholeNumberAtLeast(least: number): (value: string) => number | undefined {
  return (value) => {
    if (!/^\d+$/.test(value)) return undefined;
    const number = Number(value);
    return Number.isSafeInteger(number) && number >= least ? number : undefined;
  };
}

/**
 * Parses a percentage: a decimal number from 0 to 100 (`10`, `2.5`), no `%` sign.
 *
 * @param value - the trimmed text.
 * @returns the number, or undefined for any other text.
 */
export function percent(value: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
  const number = Number(value);
  return number <= 100 ? number : undefined;
}

/**
 * A parser of text matching a pattern.
 *
 * @param pattern - the whole value must match it.
 * @returns the parser: the text, or undefined when it does not match.
 */
export function matching(pattern: RegExp): (value: string) => string | undefined {
  return (value) => (pattern.test(value) ? value : undefined);
}

/**
 * Parses an `http://` or `https://` URL.
 *
 * @param value - the trimmed text.
 * @returns the text as given, or undefined when it is not such a URL.
 */
export function httpUrl(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:' ? value : undefined;
}
