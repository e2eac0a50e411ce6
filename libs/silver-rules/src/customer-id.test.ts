import { describe, expect, it } from 'vitest';
import { customerIdOf } from './customer-id';

describe('customerIdOf', () => {
  const columns = { customerId: 1 };

  it('trims spaces of every kind and composes the ID (NFC)', () => {
    expect(customerIdOf(['x', ' \u00a0JOSE\u0301-1\u3000'], columns)).toBe('JOS\u00c9-1');
    expect(customerIdOf(['x', 'A\u030a\u0323'], columns)).toBe('\u1ea0\u030a');
    expect(customerIdOf(['x', '003'], columns)).toBe('003');
  });

  it("gives '' for a record without the field", () => {
    expect(customerIdOf(['only one'], columns)).toBe('');
  });
});
