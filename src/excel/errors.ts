/**
 * Errors of the Office.js adapter, each with a Vietnamese message an official can act on.
 * Host errors (OfficeExtension.Error, identified by their `code`) are translated here;
 * nothing is swallowed: every failure reaches the pane or the ribbon dialog.
 */

export type AdapterErrorCode =
  | 'no-office'
  | 'cell-edit-mode'
  | 'protected-sheet'
  | 'protected-workbook'
  | 'api-missing'
  | 'missing-sheet'
  | 'sheet-exists'
  | 'invalid-edit'
  | 'too-large'
  | 'busy'
  | 'analysis-failed'
  | 'host-error';

export class ExcelAdapterError extends Error {
  readonly code: AdapterErrorCode;
  /** The host's own error code (e.g. "AccessDenied"), when the error came from Excel. */
  readonly hostCode?: string;

  constructor(code: AdapterErrorCode, message: string, hostCode?: string) {
    super(message);
    this.name = 'ExcelAdapterError';
    this.code = code;
    if (hostCode !== undefined) this.hostCode = hostCode;
  }
}

export const MESSAGES = {
  noOffice:
    'Không tìm thấy Excel: ngăn CĐS phải được mở bên trong Excel (Trang đầu › Mở ngăn CĐS), không mở trực tiếp trong trình duyệt.',
  cellEditMode:
    'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi bấm lại.',
  /** A plain InvalidOperation: cell-edit mode on some hosts, or a protection. */
  invalidOperation: (message: string) =>
    `Excel từ chối thao tác (${message}). Nếu đang sửa một ô, hãy nhấn Enter hoặc Esc rồi bấm lại; nếu trang tính hoặc sổ làm việc đang được bảo vệ, hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ) rồi thử lại.`,
  protectedSheet: (sheet: string) =>
    `Trang tính "${sheet}" đang được bảo vệ (Protect Sheet); hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. Chưa ghi gì vào bảng tính.`,
  protectedHost:
    'Excel từ chối ghi vì trang tính hoặc sổ làm việc đang được bảo vệ; hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ) rồi thử lại.',
  protectedWorkbook:
    'Sổ làm việc đang bảo vệ cấu trúc (Protect Workbook) nên không thể thêm hay xoá trang tính; hãy bỏ bảo vệ rồi thử lại.',
  apiMissing: (what: string) =>
    `Phiên bản Excel này chưa hỗ trợ ${what}. Hãy cập nhật Microsoft 365 hoặc dùng Excel trên web.`,
  apiMissingHost:
    'Phiên bản Excel này chưa hỗ trợ một chức năng mà tiện ích cần. Hãy cập nhật Microsoft 365 hoặc dùng Excel trên web.',
  missingSheet: (sheet: string) =>
    `Không có trang tính "${sheet}" (có thể đã bị đổi tên hoặc xoá).`,
  itemNotFound:
    'Không tìm thấy trang tính hoặc ô cần dùng (có thể đã bị đổi tên hoặc xoá). Hãy bấm Kiểm tra lại.',
  sheetExists: (sheet: string) =>
    `Không thể thêm trang tính "${sheet}": đã có trang tính cùng tên.`,
  tooLarge:
    'Bảng tính quá lớn để Excel trả về trong một lần đọc. Hãy xoá các vùng dữ liệu thừa ở cuối trang tính rồi thử lại.',
  busy: 'Excel đang bận (đang tính toán hoặc có hộp thoại mở). Hãy đợi một chút rồi thử lại.',
  host: (message: string, code: string) => `Excel báo lỗi: ${message} (mã ${code}).`,
  unknown: (message: string) => `Có lỗi khi làm việc với Excel: ${message}`,
};

interface HostErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/** Translate anything thrown inside Excel.run into an ExcelAdapterError (kept if it is one). */
export function toAdapterError(e: unknown): ExcelAdapterError {
  if (e instanceof ExcelAdapterError) return e;
  const err = (e ?? {}) as HostErrorLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : String(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new ExcelAdapterError('cell-edit-mode', MESSAGES.cellEditMode, code);
    case 'AccessDenied':
      return new ExcelAdapterError('protected-sheet', MESSAGES.protectedHost, code);
    case 'ApiNotFound':
    case 'NotImplemented':
      return new ExcelAdapterError('api-missing', MESSAGES.apiMissingHost, code);
    case 'ItemNotFound':
      return new ExcelAdapterError('missing-sheet', MESSAGES.itemNotFound, code);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new ExcelAdapterError('too-large', MESSAGES.tooLarge, code);
    case 'ActivityLimitReached':
    case 'Conflict':
    case 'RequestAborted':
    case 'ServiceNotAvailable':
      return new ExcelAdapterError('busy', MESSAGES.busy, code);
    case 'InvalidOperation':
      // Cell-edit mode can come back as a plain InvalidOperation ("delay in cell edit"
      // guidance), in the Office UI's language: told apart only when the message says so;
      // otherwise the message names both causes, each with what to do.
      if (/cell.?edit|edit.?mode|chế độ sửa/i.test(message))
        return new ExcelAdapterError('cell-edit-mode', MESSAGES.cellEditMode, code);
      if (/protect/i.test(message))
        return new ExcelAdapterError('protected-sheet', MESSAGES.protectedHost, code);
      return new ExcelAdapterError('host-error', MESSAGES.invalidOperation(message), code);
    case '':
      return new ExcelAdapterError('host-error', MESSAGES.unknown(message));
    default:
      return new ExcelAdapterError('host-error', MESSAGES.host(message, code), code);
  }
}
