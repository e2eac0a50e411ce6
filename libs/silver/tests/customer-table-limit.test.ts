import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '@medallion/settings';
import { maxFileCustomers } from '../src/customer-table-limit';

describe('maxFileCustomers', () => {
  it("derives the limit from the function's memory less 256 MB and 64 MB per worker thread, at 200 bytes a customer", () => {
    expect(maxFileCustomers({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769', MEDALLION_WORKER_THREADS: '0' })).toBe(
      7_932_477,
    );
    expect(maxFileCustomers({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '10240', MEDALLION_WORKER_THREADS: '5' })).toBe(
      50_667_192,
    );
    expect(maxFileCustomers({ AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128', MEDALLION_WORKER_THREADS: '0' })).toBe(0);
  });

  it('takes MEDALLION_MAX_FILE_CUSTOMERS over the memory, and is unlimited without either', () => {
    expect(maxFileCustomers({ MEDALLION_MAX_FILE_CUSTOMERS: '1000', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769' })).toBe(
      1000,
    );
    expect(maxFileCustomers({})).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a MEDALLION_MAX_FILE_CUSTOMERS that is not a whole number of at least 1', () => {
    for (const bad of ['0', '-1', '1.5', '10%', 'many']) {
      expect(() => maxFileCustomers({ MEDALLION_MAX_FILE_CUSTOMERS: bad })).toThrow(
        new InvalidSettingError('MEDALLION_MAX_FILE_CUSTOMERS', bad, 'a whole number of customers, 1 or more'),
      );
      expect(() => maxFileCustomers({ MEDALLION_MAX_FILE_CUSTOMERS: bad })).toThrow(InvalidSettingError);
    }
  });
});
