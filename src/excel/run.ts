/** The single place that calls Excel.run; host errors come out as ExcelAdapterError. */
import { ExcelAdapterError, MESSAGES, toAdapterError } from './errors';

export interface RunOptions {
  /**
   * Wait for the user to leave cell-edit mode instead of failing (Excel.RunOptions
   * delayForCellEdit): for ribbon commands, which the user may click while typing in a
   * cell and which have no pane to show an error in.
   */
  delayForCellEdit?: boolean;
}

export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  opts: RunOptions = {},
): Promise<T> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function')
    throw new ExcelAdapterError('no-office', MESSAGES.noOffice);
  try {
    if (opts.delayForCellEdit) return await Excel.run({ delayForCellEdit: true }, batch);
    return await Excel.run(batch);
  } catch (e) {
    throw toAdapterError(e);
  }
}
