/** The single place that calls Excel.run; host errors come out as ExcelAdapterError. */
import { ExcelAdapterError, MESSAGES, toAdapterError } from './errors';

export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function')
    throw new ExcelAdapterError('no-office', MESSAGES.noOffice);
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toAdapterError(e);
  }
}
