/**
 * A catalog written back as a criteria table, the way officials keep one (title, header STT |
 * Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu năm … | Tài liệu minh chứng | Điểm tối đa, roman group
 * rows, one row per criterion): what `cds-check catalog export` writes and `catalog import`
 * reads back. Pure: an EditPlan adding one sheet.
 */
import type { Catalog, Target } from './types';
import type { CellEdit, EditPlan } from '../plan/edit-plan';
import { toA1 } from '../model/grid';
import { formatNumberVi } from '../model/parse-value';
import { showPoints } from './scoring';

export const TABLE_SHEET_NAME = 'Bộ tiêu chí';

const ROMANS: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMANS)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** A target as the table writes it, so that `catalog import` reads the same target back. */
export function targetText(t: Target): string {
  switch (t.kind) {
    case 'min-rate':
      return `${t.strict ? 'trên ' : ''}${formatNumberVi(Math.round(t.value * 1e8) / 1e6)}%`;
    case 'min-count':
      return String(t.value);
    case 'yes':
      return 'Có';
    default:
      return t.text;
  }
}

export function planCatalogTable(cat: Catalog, sheet = TABLE_SHEET_NAME): EditPlan {
  const scored = cat.criteria.some((c) => c.points !== undefined);
  const headers = [
    'STT',
    'Tên chỉ tiêu',
    'Đơn vị tính',
    `Chỉ tiêu năm ${cat.year}`,
    'Tài liệu minh chứng',
    ...(scored ? ['Điểm tối đa'] : []),
  ];
  const last = headers.length - 1;
  const edits: CellEdit[] = [{ op: 'add-sheet', sheet }];
  const set = (row: number, col: number, value: string | number, bold = false) => {
    edits.push({ op: 'set-value', sheet, cell: toA1(row, col), value });
    if (bold) edits.push({ op: 'set-style', sheet, cell: toA1(row, col), bold: true, wrap: true });
  };
  set(0, 0, cat.title.toUpperCase(), true);
  edits.push({ op: 'merge', sheet, range: `A1:${toA1(0, last)}` });
  set(1, 0, `Tỉnh: ${cat.province}. Nguồn: ${cat.sources.join('; ')}`);
  edits.push({ op: 'merge', sheet, range: `A2:${toA1(1, last)}` });
  const headerRow = 3;
  headers.forEach((h, c) => {
    set(headerRow, c, h, true);
    edits.push({ op: 'set-style', sheet, cell: toA1(headerRow, c), border: true, align: 'center' });
  });
  let r = headerRow + 1;
  for (const g of cat.groups) {
    const numeric = /^\d+$/.test(g.code) ? roman(Number(g.code)) : g.code;
    set(r, 0, numeric, true);
    set(r, 1, g.name, true);
    if (scored && g.points !== undefined) set(r, last, g.points, true);
    r++;
    for (const c of cat.criteria.filter((x) => x.group === g.code)) {
      set(r, 0, c.code);
      set(r, 1, c.name);
      edits.push({ op: 'set-style', sheet, cell: toA1(r, 1), wrap: true });
      set(r, 2, c.unit);
      if (c.points === undefined || c.target.kind !== 'qualitative' || c.target.text !== 'Đạt')
        set(r, 3, targetText(c.target));
      if (c.evidence.length > 0) {
        set(r, 4, c.evidence.join('\n'));
        edits.push({ op: 'set-style', sheet, cell: toA1(r, 4), wrap: true });
      }
      if (scored && c.points !== undefined) set(r, last, c.points);
      r++;
    }
  }
  const widths = [8, 60, 14, 16, 40, 12];
  headers.forEach((_, c) =>
    edits.push({
      op: 'set-column-width',
      sheet,
      column: String.fromCharCode(65 + c),
      width: widths[c],
    }),
  );
  const total = cat.scoring?.total;
  const notes = [
    'Bảng không ghi: yêu cầu tiêu chí, biệt danh nhóm, liên kết biểu mẫu, các cấp và chuỗi thẩm định, ghi chú (nhập lại bảng sẽ lấy các cấp theo danh mục mặc định).',
  ];
  if (cat.criteria.some((c) => c.target.kind === 'qualitative' && c.target.accept.length > 1))
    notes.push(
      'Chỉ tiêu định tính chỉ ghi câu chỉ tiêu; các cách ghi khác được chấp nhận không có trong bảng.',
    );
  if (cat.criteria.some((c) => c.scoring !== undefined))
    notes.push('Cách cho điểm (tỷ lệ, theo mức…) không có trong bảng, chỉ có điểm tối đa.');
  return {
    description:
      `Ghi bộ tiêu chí “${cat.title}” thành bảng: ${cat.groups.length} nhóm, ${cat.criteria.length} chỉ tiêu` +
      (total !== undefined ? `, tổng ${showPoints(total)} điểm` : ''),
    edits,
    notes,
  };
}
