/**
 * Document settings (Office.context.document.settings): values kept inside the workbook file,
 * read when it opens. The add-in keeps the workbook's chosen catalog there, so that the next
 * Kiểm tra (pane or ribbon) uses it.
 */

function documentSettings(): Office.Settings | null {
  if (typeof Office === 'undefined') return null;
  return Office.context?.document?.settings ?? null;
}

/** A setting's value, or null (no setting, or a host without document settings). */
export function readDocumentSetting(name: string): unknown {
  const s = documentSettings();
  if (!s) return null;
  try {
    return s.get(name) ?? null;
  } catch {
    return null;
  }
}

/** Set (or, with null, remove) a setting and save the settings into the document. */
export async function writeDocumentSetting(name: string, value: unknown): Promise<void> {
  const s = documentSettings();
  if (!s)
    throw new Error(
      'Excel này không cho lưu thiết lập vào sổ làm việc (document settings): không lưu được bộ tiêu chí.',
    );
  if (value === null) s.remove(name);
  else s.set(name, value);
  await new Promise<void>((resolve, reject) =>
    s.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Failed)
        reject(
          new Error(
            `Không lưu được thiết lập vào sổ làm việc: ${r.error?.message ?? 'lỗi không rõ'}`,
          ),
        );
      else resolve();
    }),
  );
}
