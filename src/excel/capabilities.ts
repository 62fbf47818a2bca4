/**
 * What the host Excel supports, detected with Office.context.requirements.isSetSupported.
 * The manifest declares ExcelApi 1.9 (getCellProperties: fills and hyperlinks of a whole
 * range in one call). Newer APIs are optional and degrade with a message:
 * - notes (ExcelApi 1.18) → comments (1.10) → no note at all (fills only);
 * - merged areas (1.13) → read without merges.
 */
import { ExcelAdapterError, MESSAGES } from './errors';

export const MIN_EXCEL_API = '1.9';

export type NoteKind = 'note' | 'comment' | 'none';

export interface Capabilities {
  /** How flagged cells get their message. */
  noteKind: NoteKind;
  /** Range.getMergedAreasOrNullObject (1.13) */
  merges: boolean;
  /** Workbook.protection (1.7) */
  workbookProtection: boolean;
  /** Vietnamese notes on what degraded, shown to the user. */
  degraded: string[];
}

function supported(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** Detect the host's capabilities; throws when even the declared minimum is missing. */
export function detectCapabilities(): Capabilities {
  if (typeof Office === 'undefined' || typeof Excel === 'undefined')
    throw new ExcelAdapterError('no-office', MESSAGES.noOffice);
  if (!supported(MIN_EXCEL_API))
    throw new ExcelAdapterError(
      'api-missing',
      MESSAGES.apiMissing(
        `bộ API ExcelApi ${MIN_EXCEL_API} (đọc định dạng và liên kết của cả vùng ô)`,
      ),
    );
  const degraded: string[] = [];
  let noteKind: NoteKind = 'note';
  if (!supported('1.18')) {
    if (supported('1.10')) {
      noteKind = 'comment';
      degraded.push(
        'Excel này chưa hỗ trợ ghi chú (Notes, ExcelApi 1.18): thông báo được ghi vào chú thích (Comments).',
      );
    } else {
      noteKind = 'none';
      degraded.push(
        'Excel này chưa hỗ trợ ghi chú hay chú thích (ExcelApi 1.10): chỉ tô màu các ô có lỗi; xem nội dung lỗi trong ngăn CĐS.',
      );
    }
  }
  const merges = supported('1.13');
  if (!merges)
    degraded.push(
      'Excel này chưa đọc được vùng ô gộp (ExcelApi 1.13): tiêu đề gộp ô có thể không được nhận ra.',
    );
  return { noteKind, merges, workbookProtection: supported('1.7'), degraded };
}
