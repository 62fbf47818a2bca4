/**
 * A cell's content as a typed value, the output of `parseCellValue` (src/core/model/parse-value.ts).
 * Rates are fractions: 82,9 % is 0.829.
 */
export type ParsedValue =
  | { kind: 'empty'; raw: string }
  /**
   * A rate. `value` is the fraction used for comparisons. For "3.420/4.551 = 57,15%" the
   * ratio gives numerator/denominator and `stated` holds the typed rate (0.5715); `value`
   * is the ratio's value. `assumedUnit` is true when a bare number was read as a percent
   * (a target "50" in a % row), so an `ambiguous-unit` warning must be raised.
   */
  | {
      kind: 'rate';
      value: number;
      raw: string;
      numerator?: number;
      denominator?: number;
      stated?: number;
      assumedUnit?: boolean;
    }
  /** A plain number or a count with a unit ("14 điểm", "25 camera"). */
  | { kind: 'number'; value: number; raw: string; unit?: string }
  /** "Có" and positive statements such as "Có kênh Zalo, trang thông tin điện tử…" */
  | { kind: 'yes'; raw: string }
  /** "Không", "Chưa", "Chưa có" */
  | { kind: 'no'; raw: string }
  /** Other text ("Đáp ứng", "Sử dụng hiệu quả"…), compared by the evaluator. */
  | { kind: 'text'; raw: string; text: string }
  /** A spreadsheet error result (#DIV/0!, #REF!…). */
  | { kind: 'error'; raw: string; code: string }
  /** A date cell (ISO string). */
  | { kind: 'date'; raw: string; iso: string };

export type ParsedKind = ParsedValue['kind'];

/** Context for parsing: what the row's unit says and how the cell is formatted. */
export interface ParseContext {
  /** The row's Đơn vị tính ("%", "Văn bản"…); "%" lets a bare number be read as a rate. */
  unit?: string;
}
