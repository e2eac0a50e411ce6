import { describe, expect, it } from 'vitest';
import { evaluateRecord, formatFailures } from './evaluate-record';
import { InvalidSettingError } from './errors';
import { defaultExpectations } from './expectations';

const columns = { width: 4, customerId: 0, country: 2, status: 3 };
const suite = defaultExpectations({});

describe('evaluateRecord with the default expectations', () => {
  it('accepts a good record, trimming the ID and keeping leading zeros', () => {
    expect(evaluateRecord([' 001 ', 'Ana', ' Brazil ', 'Active'], columns, suite)).toEqual({
      kind: 'accept',
      customerId: '001',
      country: ' Brazil ',
      failures: [],
    });
  });

  it.each([[['', '', '', '']], [['\t']], [['']], [[' ', '', '\t', '']]])('treats %j as blank', (fields) => {
    expect(evaluateRecord(fields, columns, suite)).toEqual({ kind: 'blank' });
  });

  it('quarantines a ragged record on column-count only (its cells would be the wrong ones)', () => {
    expect(evaluateRecord(['', 'Bo', '16 Rue X', 'Atlantis', 'Active'], columns, suite)).toEqual({
      kind: 'quarantine',
      failures: [
        { rule: 'column-count', action: 'quarantine', message: 'the record has 5 fields but the header has 4 columns' },
      ],
    });
  });

  it('records every failed rule of a record, warnings included', () => {
    const verdict = evaluateRecord(['  ', 'Nameless', 'Atlantis', 'Maybe'], columns, suite);
    expect(verdict).toEqual({
      kind: 'quarantine',
      failures: [
        { rule: 'customer-id-present', action: 'quarantine', message: 'Customer ID is empty' },
        { rule: 'country-known', action: 'warn', message: 'country names no known country' },
        { rule: 'status-recognized', action: 'warn', message: 'status is not a recognized value' },
      ],
    });
    expect(formatFailures(verdict.kind === 'quarantine' ? verdict.failures : [])).toBe(
      'customer-id-present: Customer ID is empty; country-known: country names no known country; status-recognized: status is not a recognized value',
    );
  });

  it('quarantines IDs with control characters or over 64 characters', () => {
    expect(evaluateRecord(['12\u00003', 'A', 'Chile', 'Active'], columns, suite)).toMatchObject({
      kind: 'quarantine',
      failures: [
        { rule: 'customer-id-sane', message: 'Customer ID has control characters' },
        { rule: 'cells-printable', message: 'column 1 has a control character, U+0000' },
      ],
    });
    expect(evaluateRecord(['x'.repeat(65), 'A', 'Chile', 'Active'], columns, suite)).toMatchObject({
      kind: 'quarantine',
      failures: [{ rule: 'customer-id-sane', message: 'Customer ID has 65 characters, over 64' }],
    });
    expect(evaluateRecord(['x'.repeat(64), 'A', 'Chile', 'Active'], columns, suite).kind).toBe('accept');
  });

  it.each([
    ['Ana\u0000Lima', 'U+0000'],
    ['\u001b[31mRed', 'U+001B'],
    ['Del\u007f', 'U+007F'],
    ['Bell\u0007', 'U+0007'],
    ['C1\u0085', 'U+0085'],
  ])('quarantines a name holding %j for the control character %s, naming its column', (name, codePoint) => {
    expect(evaluateRecord(['7', name, 'Chile', 'Active'], columns, suite)).toEqual({
      kind: 'quarantine',
      failures: [
        { rule: 'cells-printable', action: 'quarantine', message: `column 2 has a control character, ${codePoint}` },
      ],
    });
  });

  it('accepts tab, line feed and carriage return inside a cell (a quoted cell may hold them)', () => {
    expect(evaluateRecord(['7', 'Ana\tLima\r\nSecond line', 'Chile', 'Active'], columns, suite).kind).toBe('accept');
  });

  it.each([
    ['003\u200B', 'U+200B'],
    ['\u202E100', 'U+202E'],
    ['00\u00A03', 'U+00A0'],
    ['a\u2060b', 'U+2060'],
    ['x\uFE0F', 'U+FE0F'],
    ['id\u3164', 'U+3164'],
    ['\u{E0041}tag', 'U+E0041'],
  ])('quarantines the Customer ID %j, naming its invisible code point %s', (id, codePoint) => {
    expect(evaluateRecord([id, 'A', 'Chile', 'Active'], columns, suite)).toMatchObject({
      kind: 'quarantine',
      failures: [{ rule: 'customer-id-sane', message: `Customer ID has an invisible character, ${codePoint}` }],
    });
  });

  it('trims spaces of every kind at either end, and counts an ID in code points, not UTF-16 units', () => {
    expect(evaluateRecord(['\u00A0\u3000 007\u2003\t', 'A', 'Chile', 'Active'], columns, suite)).toMatchObject({
      kind: 'accept',
      customerId: '007',
    });
    // A BOM is a format character, not a space (String.prototype.trim would take it): quarantined.
    for (const id of ['\uFEFF302', '302\uFEFF', ' \uFEFF302 '])
      expect(evaluateRecord([id, 'A', 'Chile', 'Active'], columns, suite)).toMatchObject({
        kind: 'quarantine',
        failures: [{ rule: 'customer-id-sane', message: 'Customer ID has an invisible character, U+FEFF' }],
      });
    expect(evaluateRecord(['😀'.repeat(33), 'A', 'Chile', 'Active'], columns, suite).kind).toBe('accept');
    expect(evaluateRecord(['😀'.repeat(64), 'A', 'Chile', 'Active'], columns, suite).kind).toBe('accept');
    expect(evaluateRecord(['😀'.repeat(65), 'A', 'Chile', 'Active'], columns, suite)).toMatchObject({
      failures: [{ rule: 'customer-id-sane', message: 'Customer ID has 65 characters, over 64' }],
    });
    expect(evaluateRecord(['Müller-Łukasz 株式会社', 'A', 'Chile', 'Active'], columns, suite).kind).toBe('accept');
  });

  it('keeps rows that only warn: unknown or empty country, empty or unknown status', () => {
    expect(evaluateRecord(['9', 'A', '', ''], columns, suite)).toEqual({
      kind: 'accept',
      customerId: '9',
      country: '',
      failures: [
        { rule: 'country-known', action: 'warn', message: 'country names no known country' },
        { rule: 'status-recognized', action: 'warn', message: 'status is empty' },
      ],
    });
    for (const status of ['Active', 'inactive', 'Cancelled', 'canceled', 'yes', 'No', '1', '0', 'TRUE']) {
      expect(evaluateRecord(['9', 'A', 'Chile', status], columns, suite)).toMatchObject({
        kind: 'accept',
        failures: [],
      });
    }
  });

  it('checks no status in a file without a status column, and warns that the row counts as subscribed', () => {
    expect(evaluateRecord(['9', 'A', 'Chile', 'x'], { ...columns, status: undefined }, suite)).toMatchObject({
      kind: 'accept',
      failures: [
        {
          rule: 'status-column-present',
          action: 'warn',
          message: 'the file has no status column: the row counts as subscribed',
        },
      ],
    });
    expect(evaluateRecord(['9', 'A', 'Chile', 'x'], columns, suite)).toMatchObject({
      kind: 'accept',
      failures: [{ rule: 'status-recognized' }],
    });
  });
});

describe('defaultExpectations', () => {
  it('has the quarantine threshold off when MEDALLION_MAX_QUARANTINED_PERCENT is unset or empty, and at a number from 0 to 100', () => {
    expect(defaultExpectations({}).maxQuarantinedPercent).toBeUndefined();
    expect(defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: ' ' }).maxQuarantinedPercent).toBeUndefined();
    expect(defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: '10' }).maxQuarantinedPercent).toBe(10);
    expect(defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: '2.5' }).maxQuarantinedPercent).toBe(2.5);
    expect(defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: '0' }).maxQuarantinedPercent).toBe(0);
  });

  it('refuses any other MEDALLION_MAX_QUARANTINED_PERCENT, naming the variable and what it accepts (never a silent off)', () => {
    for (const value of ['10%', 'ten', '150', '-1', '1e1', '0x10']) {
      expect(() => defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: value })).toThrow(
        new InvalidSettingError(
          'MEDALLION_MAX_QUARANTINED_PERCENT',
          value,
          "a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
        ),
      );
    }
    expect(() => defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: '10%' })).toThrow(
      "MEDALLION_MAX_QUARANTINED_PERCENT=10%: give a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
    );
  });

  it('declares every rule with a name, an action and a description', () => {
    const suite = defaultExpectations({});
    expect([...suite.file, ...suite.row].map((rule) => [rule.name, rule.action])).toEqual([
      ['header-present', 'reject'],
      ['column-names-unique', 'reject'],
      ['column-names-printable', 'reject'],
      ['customer-id-column-present', 'reject'],
      ['country-column-present', 'reject'],
      ['record-size', 'quarantine'],
      ['column-count', 'quarantine'],
      ['customer-id-present', 'quarantine'],
      ['customer-id-sane', 'quarantine'],
      ['cells-printable', 'quarantine'],
      ['country-known', 'warn'],
      ['status-recognized', 'warn'],
      ['status-column-present', 'warn'],
    ]);
    expect([...suite.file, ...suite.row].every((rule) => rule.description.length > 10)).toBe(true);
  });
});
