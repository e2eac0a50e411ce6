import { describe, expect, it } from 'vitest';
import { formatCustomerIdList } from './gold-row';

describe('Customer IDs cell', () => {
  it('is written like the README sample', () => {
    expect(formatCustomerIdList(['00003', '0002', '001'])).toBe('[00003, 0002, 001]');
    expect(formatCustomerIdList([])).toBe('[]');
  });
});
