import type { CsvBatch } from '@medallion/csv-io';
import { FileRejectedError, type SilverCounts } from '@medallion/schemas';
import { SILVER_RULES } from '@medallion/silver-rules';
import { transformSilverBatch, type SilverBatchResult, type SilverBatchTask } from './silver-batch';
import type { SectionOrder } from './silver-sections';

/**
 * A file's batches across its sections (see `SectionHeaders`): each batch is dispatched with the
 * column order of the section known then; one dispatched before a repeated header in an earlier
 * batch changed the order (batches run ahead on worker threads) is transformed again, inline, with
 * the right one. That is rare (pasted exports) and costs one batch's work per batch in flight.
 */
export class SectionedBatches {
  /** The file's sections so far: the first header's, and one per repeated header. */
  private sections = 1;
  /** The `sep=` lines after the header so far (a pasted export's, before its repeated header). */
  private sepLines = 0;
  /** The column order of the section the batches read so far end in. */
  private order: SectionOrder = undefined;
  /** Tasks dispatched and not yet back, in order. */
  private readonly dispatched: SilverBatchTask[] = [];

  /** @param taskOfBatch - a batch's task in the first header's order. */
  constructor(private readonly taskOfBatch: (batch: CsvBatch) => SilverBatchTask) {}

  /**
   * A batch's task, with the column order known when it is dispatched (pass to `runInOrder`).
   *
   * @param batch - the batch.
   * @returns its task.
   */
  readonly taskOf = (batch: CsvBatch): SilverBatchTask => {
    const base = this.taskOfBatch(batch);
    const task = this.order === undefined ? base : { ...base, sectionOrder: this.order };
    this.dispatched.push(task);
    return task;
  };

  /**
   * The result of the next batch, in order, read by the right section order.
   *
   * @param ran - what the batch's task gave.
   * @returns that, or the batch transformed again with the order its section has.
   * @throws FileRejectedError (`section-columns-match`) when the batch holds a repeated header naming other columns.
   */
  inOrder(ran: SilverBatchResult): SilverBatchResult {
    const task = this.dispatched.shift();
    const result =
      task !== undefined && task.sectionOrder !== this.order
        ? transformSilverBatch({ ...task, sectionOrder: this.order })
        : ran;
    if (result.differentSection !== undefined) {
      const { reason, headerCells } = result.differentSection;
      throw new FileRejectedError(reason, { rule: SILVER_RULES.sectionColumnsMatch.name, headerCells });
    }
    if (result.sections !== undefined) {
      this.sections += result.sections.headers;
      this.sepLines += result.sections.sepLines;
      this.order = result.sections.endOrder;
    }
    return result;
  }

  /**
   * A file's counts with its `sections`, when it has more than one, and its `sepLines`, when any.
   *
   * @param counts - the file's counts.
   * @returns them, with `sections` only for a file of two sections or more and `sepLines` only
   *   for a file with a `sep=` line after its header.
   */
  withSections<Counts extends SilverCounts>(counts: Counts): Counts {
    return {
      ...counts,
      ...(this.sections > 1 ? { sections: this.sections } : {}),
      ...(this.sepLines > 0 ? { sepLines: this.sepLines } : {}),
    };
  }
}
