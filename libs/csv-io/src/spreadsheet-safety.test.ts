import { describe, expect, it } from 'vitest';
import { escapeSpreadsheetCell, unescapeSpreadsheetCell } from './spreadsheet-safety';

describe('spreadsheet-safe cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-10', "'-10"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ["'=already", "''=already"],
    ['Ana', 'Ana'],
    ["'quoted", "'quoted"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j and read back', (value, safe) => {
    expect(escapeSpreadsheetCell(value)).toBe(safe);
    expect(unescapeSpreadsheetCell(safe)).toBe(value);
  });
});
