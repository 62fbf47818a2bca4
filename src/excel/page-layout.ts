/**
 * Print setup through Office.js `Worksheet.pageLayout` (ExcelApi 1.9, the manifest's minimum,
 * so every host the add-in runs on has it): orientation, paper, fit to pages, margins, print
 * title rows, centre footer. Reading a sheet's current layout serves two purposes: a user's
 * own page setup is never changed (`keepExisting`), and undo puts the layout back exactly.
 *
 * Limits of the API, said to the user: print title rows cannot be removed once set
 * (`setPrintTitleRows` has no "none"), so undo of titles on a sheet that had none leaves them.
 */
import type { PageSetup } from '../core/plan/edit-plan';

/** The page layout of a sheet as Office.js reports it (what undo writes back). */
export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Points */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  centerHorizontally: boolean;
  centerFooter: string;
  /** "$5:$5", or null when none */
  printTitleRows: string | null;
}

/** Office.js paper names of the Excel paper size codes we write. */
const PAPER: Record<number, string> = { 1: 'Letter', 5: 'Legal', 8: 'A3', 9: 'A4', 11: 'A5' };
const POINTS_PER_INCH = 72;

export interface PageLayoutRead {
  layout: Excel.PageLayout;
  footer: Excel.HeaderFooter;
  titles: Excel.Range;
}

/** Queue the loads that `pageLayoutState` reads (one sync). */
export function loadPageLayout(ws: Excel.Worksheet): PageLayoutRead {
  const layout = ws.pageLayout;
  layout.load(
    'orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin,centerHorizontally',
  );
  const footer = layout.headersFooters.defaultForAllPages;
  footer.load('centerFooter');
  const titles = layout.getPrintTitleRowsOrNullObject();
  titles.load('address');
  return { layout, footer, titles };
}

export function pageLayoutState(read: PageLayoutRead): PageLayoutState {
  const l = read.layout;
  const address = read.titles.isNullObject ? null : read.titles.address;
  return {
    orientation: String(l.orientation),
    paperSize: String(l.paperSize),
    zoom: { ...(l.zoom ?? {}) },
    margins: {
      left: l.leftMargin,
      right: l.rightMargin,
      top: l.topMargin,
      bottom: l.bottomMargin,
      header: l.headerMargin,
      footer: l.footerMargin,
    },
    centerHorizontally: !!l.centerHorizontally,
    centerFooter: read.footer.centerFooter ?? '',
    printTitleRows: address ? (address.split('!').pop() ?? null) : null,
  };
}

/** True when the sheet's layout is its own (landscape, fitted, scaled, titles, a footer). */
export function isOwnPageLayout(s: PageLayoutState): boolean {
  const z = s.zoom;
  return (
    s.orientation === 'Landscape' ||
    z.horizontalFitToPages !== undefined ||
    z.verticalFitToPages !== undefined ||
    (z.scale !== undefined && z.scale !== 100) ||
    s.printTitleRows !== null ||
    s.centerFooter.trim() !== ''
  );
}

/** Queue a core PageSetup (null: the defaults) on a worksheet. */
export function queuePageSetup(ws: Excel.Worksheet, setup: PageSetup | null): void {
  const l = ws.pageLayout;
  l.orientation = (
    setup?.orientation === 'landscape' ? 'Landscape' : 'Portrait'
  ) as Excel.PageOrientation;
  if (setup) l.paperSize = (PAPER[setup.paperSize] ?? 'A4') as Excel.PaperType;
  l.zoom =
    setup && setup.fitToWidth !== undefined
      ? { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight ?? 0 }
      : { scale: setup?.scale ?? 100 };
  const m = setup?.margins ?? {
    left: 0.7,
    right: 0.7,
    top: 0.75,
    bottom: 0.75,
    header: 0.3,
    footer: 0.3,
  };
  l.leftMargin = m.left * POINTS_PER_INCH;
  l.rightMargin = m.right * POINTS_PER_INCH;
  l.topMargin = m.top * POINTS_PER_INCH;
  l.bottomMargin = m.bottom * POINTS_PER_INCH;
  l.headerMargin = m.header * POINTS_PER_INCH;
  l.footerMargin = m.footer * POINTS_PER_INCH;
  l.centerHorizontally = !!setup?.horizontalCentered;
  l.headersFooters.defaultForAllPages.centerFooter = setup?.footer ?? '';
  if (setup?.printTitleRows)
    l.setPrintTitleRows(`$${setup.printTitleRows[0]}:$${setup.printTitleRows[1]}`);
}

/** Queue a layout read before (undo). */
export function queuePageLayoutState(ws: Excel.Worksheet, s: PageLayoutState): void {
  const l = ws.pageLayout;
  l.orientation = s.orientation as Excel.PageOrientation;
  l.paperSize = s.paperSize as Excel.PaperType;
  l.zoom = s.zoom;
  l.leftMargin = s.margins.left;
  l.rightMargin = s.margins.right;
  l.topMargin = s.margins.top;
  l.bottomMargin = s.margins.bottom;
  l.headerMargin = s.margins.header;
  l.footerMargin = s.margins.footer;
  l.centerHorizontally = s.centerHorizontally;
  l.headersFooters.defaultForAllPages.centerFooter = s.centerFooter;
  if (s.printTitleRows) l.setPrintTitleRows(s.printTitleRows);
}
