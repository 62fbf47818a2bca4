/**
 * The task pane's PaneHost (src/taskpane/host.ts) on a file instead of Excel: Kiểm tra is
 * the core's analysis of the file (done when it was opened), a click on a finding shows
 * the cell in the page's grid preview, "Chèn PHỤ LỤC 01 trống" downloads the blank
 * template, and there are no marks to clear (the original file is never changed).
 */
import type { Catalog } from '../core';
import type { PaneHost } from '../taskpane/host';
import { templateDownload, workbookRollupDownload, type Download } from './downloads';
import { WEB_UI } from './labels';
import type { OpenedFile } from './workspace';

export interface FileHostOptions {
  /** Show `cell` of `sheet` (the grid preview). */
  onSelect: (sheet: string, cell: string) => void;
  /** Hand a produced file to the user. */
  onDownload: (d: Download) => void;
}

export function fileHost(file: OpenedFile, catalog: Catalog, opts: FileHostOptions): PaneHost {
  return {
    catalog: () => catalog,
    rollupCommunes: async () => {
      const d = await workbookRollupDownload(file, catalog);
      opts.onDownload(d);
      return d.messages;
    },
    check: async () => ({
      report: file.report,
      snapshot: file.snapshot,
      marks: null,
      messages: [],
    }),
    clearMarks: async () => ({ restored: 0, messages: [WEB_UI.noClear] }),
    select: async (sheet, cell) => opts.onSelect(sheet, cell),
    insertBlankAppendix: async () => {
      const d = await templateDownload(catalog, 'phu-luc-01');
      opts.onDownload(d);
      return {
        applied: d.bytes ? 1 : 0,
        notes: d.messages.slice(1),
        description: d.messages[0] ?? '',
      };
    },
  };
}
