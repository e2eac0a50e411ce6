import { describe, expect, it } from 'vitest';
import { isSubscribed } from './subscription-status';

describe('isSubscribed', () => {
  it.each(['Active', 'active', 'ACTIVE', ' Active ', 'Subscribed', 'yes', 'Y', 'true', '1'])(
    '%j is subscribed',
    (status) => {
      expect(isSubscribed(status)).toBe(true);
    },
  );

  it.each(['Inactive', 'Cancelled', '', 'no', '0', 'Activ'])('%j is not subscribed', (status) => {
    expect(isSubscribed(status)).toBe(false);
  });

  it('counts every customer as subscribed when the file has no status column', () => {
    expect(isSubscribed(undefined)).toBe(true);
  });
});
