import { describe, expect, it } from 'vitest';
import { formatCustomerIdList, parseCustomerIdList } from './gold-row';

describe('Customer IDs cell', () => {
  it('is written like the README sample and read back', () => {
    expect(formatCustomerIdList(['00003', '0002', '001'])).toBe('[00003, 0002, 001]');
    expect(formatCustomerIdList([])).toBe('[]');
    expect(parseCustomerIdList('[00003, 0002, 001]')).toEqual(['00003', '0002', '001']);
    expect(parseCustomerIdList('[]')).toEqual([]);
  });

  it('refuses a cell that is not a list', () => {
    expect(() => parseCustomerIdList('001, 002')).toThrow('not a Customer IDs list: "001, 002"');
  });
});
