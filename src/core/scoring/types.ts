/**
 * Types of a point-scored sheet (kind `dti`): a self-scoring table of a digital-transformation
 * index such as the one Quyết định 3853/QĐ-UBND of Thanh Hóa sets (indices, items, sub-items,
 * Điểm tối đa, Điểm tự chấm / Điểm năm …).
 */
import type { Cell } from '../model/grid';

/** Logical columns of a scoring sheet. */
export type ScoringColumn =
  /** TT / STT / the index number standing in the header's first cell */
  | 'code'
  /** "Chỉ số đánh giá", "Chỉ số thành phần", "Nội dung" */
  | 'name'
  /** "Điểm tối đa" */
  | 'max'
  /** "Điểm tự chấm", "Điểm năm 2022", "Điểm đạt được" */
  | 'score'
  /** "Giải trình" */
  | 'explanation'
  /** "Đơn vị chủ trì" */
  | 'lead'
  /** "Đơn vị phối hợp" */
  | 'partner'
  /** "Phương pháp xác định và cách cho điểm" */
  | 'method'
  /** "Kết quả", "Số liệu": the figure a scoring rule turns into points */
  | 'result'
  | 'note';

/** A points cell as read: a number, empty, unreadable text, or a formula without a value. */
export interface PointsValue {
  state: 'number' | 'empty' | 'unreadable' | 'uncomputed';
  value: number | null;
  /** As typed / shown ("8,125", "5 điểm", "Điểm tối đa (100)") */
  raw: string;
  /** 0-based position of the cell that holds it */
  row: number;
  col: number;
  /** True when the figure stands in a header ("Điểm tối đa (100)"): not a cell of its own. */
  inHeader?: boolean;
  /** True when the cell holds a number (not text), so sums and formulas can use it as is. */
  numeric?: boolean;
  /** The cell's formula, when it has one. */
  formula?: string;
}

export interface ScoreNode {
  /** The code as typed, normalised ("1.2.1", "II") */
  code: string;
  /** The code to look up in a catalog ("2.1" for item 1 under index II) */
  catalogCode: string;
  name: string;
  /** 0-based row (for an index given by a header: the header row) */
  row: number;
  kind: 'index' | 'item' | 'total';
  /** Position in `nodes` of the parent, null for an index or the total */
  parent: number | null;
  /** Positions in `nodes` of the children, in sheet order */
  children: number[];
  max: PointsValue;
  score: PointsValue;
  /** Giải trình text ("" when none or no such column) */
  explanation: string;
  /** The result cell ("Kết quả"), when the sheet has such a column */
  result?: Cell;
}

export interface ScoringLayout {
  /** 0-based header rows: one, or one per index (the Yên Định layout repeats it) */
  headerRows: number[];
  columns: Partial<Record<ScoringColumn, number>>;
  /** 0-based first and last row of the table body */
  firstRow: number;
  lastRow: number;
}

export interface ScoringRecognition {
  kind: 'dti';
  layout: ScoringLayout;
  nodes: ScoreNode[];
}

/** One index's points, for reports and the roll-up. */
export interface IndexPoints {
  code: string;
  name: string;
  /** Điểm tối đa as typed (null when not readable) */
  max: number | null;
  /** Points as typed on the index (null when not typed / not readable) */
  total: number | null;
  /** Sum of the points typed on its items (leaves) */
  computed: number;
}

/**
 * The points of a scoring sheet: `max` the sheet's maximum (its total row, else the sum of the
 * indices' maxima), `total` the total as typed (total row, else the sum of the indices as
 * typed; null when some is missing), `computed` the sum of the items' points as typed.
 */
export interface PointsSummary {
  max: number;
  total: number | null;
  computed: number;
  /** Rating band of the set (catalog `scoring.bands`) for total ?? computed */
  band?: string;
  indices: IndexPoints[];
}
