import { describe, expect, it } from 'vitest';
import { classifyBronzeRecord } from './classify-bronze-record';

const columns = { width: 4, customerId: 0, country: 2, status: 3 };

describe('classifyBronzeRecord', () => {
  it('accepts a full record, trimming the Customer ID and keeping leading zeros', () => {
    expect(classifyBronzeRecord([' 001 ', 'Ana', ' Brazil ', 'Active'], columns)).toEqual({ kind: 'accept', customerId: '001', country: ' Brazil ' });
  });

  it.each([[['', '', '', '']], [['\t']], [['']], [[' ', '', '\t', '']]])('treats %j as blank', (fields) => {
    expect(classifyBronzeRecord(fields, columns)).toEqual({ kind: 'blank' });
  });

  it('quarantines a record with more fields than the header, naming both counts', () => {
    expect(classifyBronzeRecord(['202', 'Bo', '16 Rue X', 'France', 'Active'], columns)).toEqual({
      kind: 'quarantine',
      reason: 'column count: the record has 5 fields but the header has 4 columns',
    });
  });

  it('quarantines a record with fewer fields than the header', () => {
    expect(classifyBronzeRecord(['203', 'Cy'], columns)).toEqual({
      kind: 'quarantine',
      reason: 'column count: the record has 2 fields but the header has 4 columns',
    });
  });

  it.each([[['', 'Nameless', 'Kenya', 'Active']], [['   ', 'Blank Id', 'Peru', 'Active']]])('quarantines %j: empty Customer ID', (fields) => {
    expect(classifyBronzeRecord(fields, columns)).toEqual({ kind: 'quarantine', reason: 'Customer ID is empty' });
  });
});
