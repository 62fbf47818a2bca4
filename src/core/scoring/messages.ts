/** Vietnamese texts of the scoring-sheet findings (one place for the wording). */
import { showPoints } from '../catalog/scoring';

const q = (s: string) => `“${s.trim()}”`;

export const pointsMsg = {
  overMax: (code: string, score: number, max: number) =>
    `${code}: chấm ${showPoints(score)} điểm, vượt điểm tối đa ${showPoints(max)}`,

  negative: (code: string, score: number) => `${code}: điểm ${showPoints(score)} là số âm`,

  scoreSum: (code: string, typed: number, sum: number, parts: string) =>
    `${code}: ghi ${showPoints(typed)} điểm nhưng ${parts} = ${showPoints(sum)}`,

  maxSum: (code: string, typed: number, sum: number, parts: string) =>
    `${code}: điểm tối đa ghi ${showPoints(typed)} nhưng điểm tối đa ${parts} = ${showPoints(sum)}`,

  unreadableScore: (code: string, raw: string) =>
    `${code}: điểm ghi ${q(raw)} không đọc được thành số điểm (ví dụ “8,125” hoặc “5 điểm”)`,

  unreadableMax: (code: string, raw: string) =>
    `${code}: điểm tối đa ghi ${q(raw)} không đọc được thành số điểm`,

  uncomputed: (code: string, formula: string) =>
    `${code}: ô điểm là công thức =${formula} nhưng không có giá trị đã tính; hãy mở tệp bằng Excel rồi lưu lại`,

  missingScore: (code: string, max: number | null) =>
    `${code}: chưa chấm điểm` + (max !== null ? ` (tối đa ${showPoints(max)} điểm)` : ''),

  maxDiffers: (code: string, typed: number, catalog: number, catalogTitle: string) =>
    `${code}: điểm tối đa trên bảng là ${showPoints(typed)}, bộ chỉ số ${catalogTitle} quy định ${showPoints(catalog)}`,

  scoreDiffers: (code: string, typed: number, rule: number, how: string) =>
    `${code}: chấm ${showPoints(typed)} điểm nhưng theo cách cho điểm (${how}) là ${showPoints(rule)} điểm`,

  missingExplanation: (code: string, belowMax: boolean) =>
    belowMax
      ? `${code}: chấm dưới điểm tối đa nhưng chưa ghi giải trình`
      : `${code}: chưa ghi giải trình`,

  totalLabel: 'Tổng cộng',
};

/** "Tổng điểm 273/300 (cộng từ các mục: 268,125)" — the points line of a scoring sheet. */
export function pointsLineVi(p: {
  max: number;
  total: number | null;
  computed: number;
  band?: string;
}): string {
  const total = p.total ?? p.computed;
  const parts = [`Tổng điểm ${showPoints(total)}/${showPoints(p.max)}`];
  if (p.total === null) parts.push('(chưa ghi tổng, cộng từ các mục)');
  else if (Math.abs(p.total - p.computed) > 0.005)
    parts.push(`(cộng từ các mục: ${showPoints(p.computed)})`);
  if (p.band) parts.push(`— xếp loại ${p.band}`);
  return parts.join(' ');
}
