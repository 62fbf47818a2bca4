import { bundledCatalog, CatalogError, loadCatalog } from '../../../../src/core/catalog';
import { bandOf } from '../../../../src/core/catalog/scoring';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small scored set: two indices of 30 and 20 points; 1.2 = 1.2.1 + 1.2.2. */
function scoredJson(): Json {
  const base = JSON.parse(JSON.stringify(bundledCatalog('thanh-hoa-dti-huyen-2022'))) as Json;
  return {
    ...base,
    id: 'thu-2025',
    groups: [
      { code: '1', name: 'Nhận thức số', points: 30 },
      { code: '2', name: 'Thể chế số', points: 20 },
    ],
    criteria: [
      {
        code: '1.1',
        group: '1',
        name: 'Trưởng ban chỉ đạo',
        points: 10,
        scoring: { kind: 'all-or-nothing' },
      },
      { code: '1.2', group: '1', name: 'Chủ trì, chỉ đạo', points: 20 },
      {
        code: '1.2.1',
        group: '1',
        name: 'Dự họp của tỉnh',
        points: 10,
        scoring: { kind: 'proportional' },
      },
      {
        code: '1.2.2',
        group: '1',
        name: 'Chủ trì họp của đơn vị',
        points: 10,
        scoring: {
          kind: 'steps',
          steps: [
            { min: 1, points: 5, text: '1 lần' },
            { min: 4, points: 10, text: '4 lần/năm' },
          ],
        },
      },
      { code: '2.1', group: '2', name: 'Kế hoạch năm', points: 20, scoring: { kind: 'free' } },
    ],
    scoring: {
      total: 50,
      bands: [
        { label: 'Tốt', min: 40 },
        { label: 'Khá', min: 30 },
      ],
      explanation: 'below-max',
    },
  };
}

function problems(j: Json): string[] {
  try {
    loadCatalog(j);
    return [];
  } catch (e) {
    return (e as CatalogError).problems;
  }
}

describe('catalog scoring, validated on load', () => {
  it('a consistent scored set loads; scored criteria get neutral defaults', () => {
    const cat = loadCatalog(scoredJson());
    expect(cat.scoring?.total).toBe(50);
    expect(cat.criteria[0]).toMatchObject({ unit: 'điểm', evidence: [], evidenceRequired: false });
  });

  it('a parent that is not the sum of its sub-items, a group, the total: each said in Vietnamese', () => {
    const j = scoredJson();
    j.criteria[1].points = 25;
    j.groups[1].points = 15;
    j.scoring.total = 60;
    const p = problems(j);
    expect(p.some((x) => /tiêu chí "1\.2".*25.*1\.2\.1 \+ 1\.2\.2 = 20/.test(x))).toBe(true);
    expect(p.some((x) => /nhóm "2".*15.*= 20/.test(x))).toBe(true);
    expect(p.some((x) => /tổng điểm tối đa 60/.test(x))).toBe(true);
  });

  it('bad rules: unknown kind, steps not ascending, a step over the maximum, a rule without points', () => {
    const j = scoredJson();
    j.criteria[0].scoring = { kind: 'ty-le' };
    j.criteria[3].scoring.steps = [
      { min: 4, points: 12 },
      { min: 1, points: 5 },
    ];
    j.criteria[4].points = undefined;
    j.criteria[4].unit = 'x';
    j.criteria[4].requirement = 'x';
    j.criteria[4].target = { kind: 'yes', text: 'Có' };
    j.criteria[4].evidence = [];
    j.criteria[4].evidenceRequired = false;
    const p = problems(j).join('\n');
    expect(p).toMatch(/loại "ty-le" không hợp lệ/);
    expect(p).toMatch(/tăng dần/);
    expect(p).toMatch(/12 điểm vượt điểm tối đa 10/);
    expect(p).toMatch(/không ghi "points"/);
  });

  it('points must be positive numbers; bands within the total', () => {
    const j = scoredJson();
    j.criteria[0].points = '10';
    j.scoring.bands.push({ label: 'Xuất sắc', min: 80 });
    const p = problems(j).join('\n');
    expect(p).toMatch(/"points" \(điểm tối đa\) phải là số dương/);
    expect(p).toMatch(/80 điểm vượt tổng điểm tối đa 50/);
  });

  it('bands: the highest reached, at the boundary', () => {
    const bands = loadCatalog(scoredJson()).scoring!.bands;
    expect(bandOf(bands, 40)?.label).toBe('Tốt');
    expect(bandOf(bands, 39.99)?.label).toBe('Khá');
    expect(bandOf(bands, 29.99)).toBeUndefined();
  });
});
