import { defaultExpectations } from '@medallion/silver-rules';
import { describe, expect, it } from 'vitest';
import { NO_ROWS } from '../src/silver-result';
import { thresholdRejection } from '../src/silver-rejection';

const suiteAt = (percent: string) => defaultExpectations({ MEDALLION_MAX_QUARANTINED_PERCENT: percent });
const counts = (quarantinedRows: number, dataRecords: number) => ({ ...NO_ROWS, quarantinedRows, dataRecords });

describe('thresholdRejection', () => {
  it('shows the share with one decimal, or as many more as it takes to read above the threshold', () => {
    expect(thresholdRejection(counts(2, 4), suiteAt('25'))?.reason).toBe(
      '50.0% of data records quarantined (2 of 4), over the 25% threshold (MEDALLION_MAX_QUARANTINED_PERCENT)',
    );
    expect(thresholdRejection(counts(1, 3), suiteAt('33.3'))?.reason).toBe(
      '33.33% of data records quarantined (1 of 3), over the 33.3% threshold (MEDALLION_MAX_QUARANTINED_PERCENT)',
    );
    expect(thresholdRejection(counts(1, 3), suiteAt('33.4'))).toBeUndefined();
  });
});
