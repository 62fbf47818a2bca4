/**
 * `cds-check rollup --json` on a small folder of units' DTI self-scoring tables (.xlsx, no
 * PHỤ LỤC): units ranked by points, a tie sharing its rank, a truncated file listed apart;
 * the same JSON from the built CLI (worker threads) as in-process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCliBuilt, inProcess, runCli } from '../../support/qa-e2e-support';
import {
  acceptanceIndices,
  flatRows,
  writeRowsXlsx,
  yenDinhRows,
  type IndexSpec,
} from '../../support/scoring-sheets';
import { truncatedXlsx } from '../../support/fixtures/xlsx-builders';

interface ScoredJson {
  scored: boolean;
  communes: { commune: string; kind: string; points: number; maxPoints: number; rank: number }[];
  files: { file: string; status: string }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-rollup-dti-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The acceptance table with index 3 scoring `third` (its items moved to match). */
function withThird(third: number): IndexSpec[] {
  const ix = acceptanceIndices();
  ix[2] = { ...ix[2], score: third };
  return ix;
}

function titled(unit: string, rows: ReturnType<typeof flatRows>) {
  rows[0] = [`UBND XÃ ${unit}`, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'];
  return rows;
}

let json: ScoredJson;

beforeAll(async () => {
  // flat tables with a typed total: 250, 273, 250 of 300; the Yên Định layout without a title
  await writeRowsXlsx(path.join(tmp, 'hoang-kim.xlsx'), [
    {
      name: 'DTI',
      rows: titled('HOÀNG KIM', flatRows(withThird(77), { total: { max: 300, score: 250 } })),
    },
  ]);
  await writeRowsXlsx(path.join(tmp, 'dinh-tan.xlsx'), [
    {
      name: 'DTI',
      rows: titled('ĐỊNH TÂN', flatRows(acceptanceIndices(), { total: { max: 300, score: 273 } })),
    },
  ]);
  await writeRowsXlsx(path.join(tmp, 'Yên Lạc.xlsx'), [
    { name: 'Chỉ số CĐS', rows: yenDinhRows(withThird(77)) },
  ]);
  fs.writeFileSync(path.join(tmp, 'vinh-hung.xlsx'), await truncatedXlsx());
  const r = await inProcess(['rollup', '--json', tmp]);
  expect(r.status).toBe(0);
  json = JSON.parse(r.stdout) as ScoredJson;
}, 120_000);

describe('cds-check rollup on DTI scoring tables', () => {
  it('ranks units by points with a shared rank for a tie', () => {
    expect(json.scored).toBe(true);
    expect(json.communes.map((c) => [c.commune, c.kind, c.points, c.maxPoints, c.rank])).toEqual([
      ['Định Tân', 'dti', 273, 300, 1],
      ['Hoàng Kim', 'dti', 250, 300, 2],
      ['Yên Lạc', 'dti', 250, 300, 2],
    ]);
  });

  it('lists the truncated file as unreadable', () => {
    expect(json.files.find((f) => f.file.endsWith('vinh-hung.xlsx'))?.status).toBe('unreadable');
  });

  it('the text report shows Điểm 273/300 and the rank', async () => {
    const r = await inProcess(['rollup', tmp]);
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('Định Tân'))!;
    expect(line).toMatch(/273\/300\s+–\s+1\b/);
  });

  it('the built CLI (worker threads) gives the same JSON', async () => {
    await ensureCliBuilt();
    const r = await runCli(['rollup', '--json', tmp]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(json);
  }, 120_000);
});
