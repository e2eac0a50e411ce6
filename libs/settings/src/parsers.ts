import type { Setting } from './setting';

/** What a kind of value gives a setting: the text people read (`accepts`) and the parser that holds to it. */
export type SettingValue<T> = Pick<Setting<T>, 'accepts' | 'parse'>;

/**
 * Whole numbers (decimal digits only: no sign, point, exponent or `0x`) of at least `least` and,
 * when `most` is given, at most `most`.
 *
 * @param least - the smallest accepted.
 * @param unit - what is counted, plural, e.g. `customers`.
 * @param most - the largest accepted; undefined: up to `Number.MAX_SAFE_INTEGER`.
 * @returns accepts `a whole number of <unit>, <least> or more` (or `<least> to <most>`); the parser
 *   gives the number, or undefined for any other text or a number out of range.
 */
export function wholeNumberAtLeast(least: number, unit: string, most?: number): SettingValue<number> {
  const range = most === undefined ? `${least} or more` : `${least} to ${most}`;
  return {
    accepts: `a whole number of ${unit}, ${range}`,
    parse: (value) => {
      if (!/^\d+$/.test(value)) return undefined;
      const number = Number(value);
      return Number.isSafeInteger(number) && number >= least && number <= (most ?? Infinity) ? number : undefined;
    },
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
 * Text matching a pattern.
 *
 * @param pattern - the whole value must match it.
 * @param accepts - the pattern in words, e.g. `an AWS account ID: 12 digits`.
 * @returns the parser gives the text, or undefined when it does not match.
 */
export function matching(pattern: RegExp, accepts: string): SettingValue<string> {
  return { accepts, parse: (value) => (pattern.test(value) ? value : undefined) };
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

/**
 * Parses an on/off flag: `1` or `0`.
 *
 * @param value - the trimmed text.
 * @returns true for `1`, false for `0`, undefined for any other text.
 */
export function flag(value: string): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}
