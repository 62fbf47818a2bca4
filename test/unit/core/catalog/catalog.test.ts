import * as fs from 'fs';
import * as path from 'path';
import {
  CatalogError,
  bundledCatalog,
  bundledCatalogs,
  catalogIds,
  chainById,
  chainLevels,
  criteriaOfGroup,
  criterionByCode,
  defaultCatalog,
  formLinks,
  groupByCode,
  groupByName,
  levelById,
  levelBySheetKind,
  loadCatalog,
  normalizeCode,
  previousLevel,
} from '../../../../src/core/catalog/catalog';
import type { Catalog, Criterion } from '../../../../src/core/catalog/types';
import { cleanText, foldText } from '../../../../src/core/model/text';
import thanhHoaJson from '../../../../src/catalog/thanh-hoa-2023.json';
import bacGiangJson from '../../../../src/catalog/bac-giang-2024.json';
import { readSeedTable } from '../../../support/fixtures/tsv-grid';

const CATALOG_FIXTURES = path.join(__dirname, '..', '..', '..', 'support', 'fixtures', 'catalog');
const readCatalogFixture = (f: string) => fs.readFileSync(path.join(CATALOG_FIXTURES, f), 'utf8');

const stripTags = (s: string) => s.replace(/<\/?(b|i|u)>/g, '');
const norm = (s: string) => cleanText(stripTags(s));

interface SeedRow {
  code: string;
  fields: string[];
}

/**
 * Rows of a PDF-pasted seed table: a row starts with a code in the first field; a row whose
 * first field is empty continues the previous row (its fields are appended, separated by a
 * space); repeated header rows (first field "TT"/"STT") and blank lines are skipped.
 */
function seedRows(tsv: string, codePattern: RegExp): SeedRow[] {
  const rows: SeedRow[] = [];
  let inTable = false;
  for (const line of tsv.replace(/\r\n/g, '\n').split('\n')) {
    const fields = line.split('\t').map(stripTags);
    const first = fields[0].trim();
    if (first === 'TT' || first === 'STT') {
      inTable = true;
      continue;
    }
    if (!inTable || fields.every((f) => f.trim() === '')) continue;
    if (codePattern.test(first)) {
      rows.push({ code: first, fields: fields.map((f) => f.trim()) });
    } else if (first === '' && rows.length > 0) {
      const last = rows[rows.length - 1];
      fields.forEach((f, i) => {
        if (i === 0 || f.trim() === '') return;
        last.fields[i] = `${last.fields[i] ?? ''} ${f.trim()}`.trim();
      });
    } else {
      rows.push({ code: first, fields: fields.map((f) => f.trim()) });
    }
  }
  return rows;
}

const CRITERION_CODE = /^\d+\.\d+$/;
const criterionRows = (tsv: string) =>
  seedRows(tsv, CRITERION_CODE).filter((r) => CRITERION_CODE.test(r.code));

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** loadCatalog on a broken copy of the Thanh Hóa catalog; returns the CatalogError. */
function brokenCatalogError(
  breakIt: (j: Json) => void,
  base: unknown = thanhHoaJson,
): CatalogError {
  const j = clone(base) as Json;
  breakIt(j);
  try {
    loadCatalog(j);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    expect(e).toBeInstanceOf(Error);
    expect((e as CatalogError).code).toBe('invalid-catalog');
    return e as CatalogError;
  }
  throw new Error('loadCatalog accepted a broken catalog');
}

describe('Thanh Hóa 2023 catalog (default)', () => {
  const cat = defaultCatalog();
  const pl01 = criterionRows(readSeedTable('blank-pl01.tsv'));

  it('is Thanh Hóa 2023 with its sources', () => {
    expect(cat.id).toBe('thanh-hoa-2023');
    expect(cat.province).toBe('Thanh Hóa');
    expect(cat.year).toBe(2023);
    const sources = cat.sources.join('\n');
    expect(sources).toContain('1829/QĐ-UBND');
    expect(sources).toContain('2142/STTTT-CNTT');
    // each source by its own name, never by a seed file number
    for (const name of ['Cẩm Bình', 'Hoàng Kim']) expect(sources).toContain(name);
    expect(sources).not.toMatch(/seed|\b00\d_/i);
  });

  it('has the 37 criteria of PHỤ LỤC 01, in the same order', () => {
    expect(pl01).toHaveLength(37);
    expect(cat.criteria.map((c) => c.code)).toEqual(pl01.map((r) => r.code));
  });

  it('has 4 groups of 11 / 6 / 12 / 8 criteria, named as the PL01 group rows', () => {
    expect(cat.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4']);
    expect(cat.groups.map((g) => criteriaOfGroup(cat, g.code).length)).toEqual([11, 6, 12, 8]);
    const groupRows = seedRows(readSeedTable('blank-pl01.tsv'), /^\d+$/).filter((r) =>
      /^\d+$/.test(r.code),
    );
    expect(groupRows.map((r) => [r.code, r.fields[1]])).toEqual(
      cat.groups.map((g) => [g.code, g.name]),
    );
    // Mẫu 02/03/04 call group 4 "Hạ tầng và nền tảng số"
    expect(groupByName(cat, 'Hạ tầng và nền tảng số')?.code).toBe('4');
  });

  it.each(['blank-pl01.tsv', 'blank-pl02.tsv', 'blank-pl03.tsv'])(
    'names and units match %s (continuation rows joined)',
    (file) => {
      const rows = criterionRows(readSeedTable(file));
      expect(rows).toHaveLength(37);
      for (const r of rows) {
        const c = criterionByCode(cat, r.code);
        expect({ code: r.code, name: c?.name, unit: c?.unit }).toEqual({
          code: r.code,
          name: norm(r.fields[1]),
          unit: norm(r.fields[2]),
        });
      }
    },
  );

  it('targets equal the "Năm 2023" column of the Cẩm Bình decision (seed 000)', () => {
    const rows = criterionRows(readCatalogFixture('cam-binh-2023-targets.tsv'));
    expect(rows).toHaveLength(37);
    for (const r of rows) {
      const c = criterionByCode(cat, r.code) as Criterion;
      const typed = norm(r.fields[3]);
      expect(norm(r.fields[2])).toBe(c.unit);
      const t = c.target;
      const pct = /^(\d+)%$/.exec(typed);
      if (pct) {
        expect({ code: c.code, target: t }).toEqual({
          code: c.code,
          target: { kind: 'min-rate', value: Number(pct[1]) / 100, text: typed },
        });
      } else if (typed === 'Có') {
        expect({ code: c.code, target: t }).toEqual({
          code: c.code,
          target: { kind: 'yes', text: 'Có' },
        });
      } else if (typed.startsWith('*')) {
        // "* 1" (1.11) and "*" (4.8): unclear in the source; read as "Có" and explained in notes
        expect({ code: c.code, kind: t.kind }).toEqual({ code: c.code, kind: 'yes' });
        expect(c.notes).toMatch(/"\*/);
      } else {
        expect({ code: c.code, kind: t.kind }).toEqual({ code: c.code, kind: 'qualitative' });
        expect(t.text).toBe(typed);
        if (t.kind === 'qualitative') expect(t.accept.map(foldText)).toContain(foldText(typed));
      }
    }
  });

  it('accepts the targets Hoàng Kim wrote in its PHỤ LỤC 01 (seed 004)', () => {
    const rows = criterionRows(readSeedTable('hoang-kim-pl01.tsv'));
    expect(rows).toHaveLength(37);
    let checked = 0;
    for (const r of rows) {
      const typed = norm(r.fields[3] ?? '');
      if (typed === '') continue; // 1.11 left empty by the commune
      const t = (criterionByCode(cat, r.code) as Criterion).target;
      checked++;
      if (t.kind === 'min-rate') {
        // "50" without % (2.5) is still 50 %
        expect({ code: r.code, v: Number(typed.replace('%', '')) / 100 }).toEqual({
          code: r.code,
          v: t.value,
        });
      } else if (t.kind === 'qualitative') {
        expect({ code: r.code, ok: t.accept.some((a) => foldText(a) === foldText(typed)) }).toEqual(
          { code: r.code, ok: true },
        );
      } else {
        expect({ code: r.code, typed }).toEqual({ code: r.code, typed: t.text });
      }
    }
    expect(checked).toBe(36);
  });

  it('every target is well-formed (rates are fractions in 0..1)', () => {
    for (const c of cat.criteria) {
      expect(c.target.text.trim()).not.toBe('');
      if (c.target.kind === 'min-rate') {
        expect(c.target.value).toBeGreaterThan(0);
        expect(c.target.value).toBeLessThanOrEqual(1);
        expect(c.target.text).toBe(`${Math.round(c.target.value * 100)}%`);
      }
    }
    const kinds = cat.criteria.map((c) => c.target.kind);
    expect(kinds.filter((k) => k === 'min-rate')).toHaveLength(26);
    expect(kinds.filter((k) => k === 'qualitative')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'yes')).toHaveLength(8);
  });

  it('form links point at the form the seed names as evidence', () => {
    const links = formLinks(cat);
    expect(links).toHaveLength(9);
    const keys = new Set(links.map((l) => `${l.link.form}/${l.link.ratio}`));
    expect(keys.size).toBe(9); // no two criteria read the same ratio
    for (const { criterion, link } of links) {
      const c = criterionByCode(cat, criterion) as Criterion;
      const formNo = link.form.replace(/^mau-/, '');
      const evidence = c.evidence.join(' ');
      expect({
        criterion,
        mentions: new RegExp(`mẫu (số )?${formNo.replace('.', '\\.')}\\b`, 'i').test(evidence),
      }).toEqual({
        criterion,
        mentions: true,
      });
    }
  });

  it('evidenceRequired is false only where the guidance names no document at all', () => {
    for (const c of cat.criteria)
      expect({ code: c.code, required: c.evidenceRequired }).toEqual({
        code: c.code,
        required: c.evidence.length > 0,
      });
    expect(cat.criteria.filter((c) => !c.evidenceRequired).map((c) => c.code)).toEqual(['1.11']);
  });

  it('evidenceReferences name the dispatches of Hướng dẫn 2142/STTTT-CNTT, read from its text', () => {
    // the guidance's section of each criterion: "N. Tiêu chí số X.Y" up to the next one
    const guidance = readSeedTable('guidance-2142-criteria.txt');
    const sectionOf = (code: string) => {
      const start = guidance.search(
        new RegExp(`\\d+\\. Tiêu chí số ${code.replace('.', '\\.')}\\b`),
      );
      const next = guidance.slice(start + 10).search(/\n\d+\. Tiêu chí số /);
      return guidance.slice(start, next < 0 ? undefined : start + 10 + next);
    };
    // the catalog normalises two typos of the source ("797a/THH-,NSKSNB", "2559/SLĐT BXH-GDNN")
    const squeeze = (t: string) => t.replace(/[\s,]/g, '');
    const referral = /Hồ sơ, biểu mẫu theo hướng dẫn tại Công văn số/;
    const withDispatch = cat.criteria.filter((c) => c.evidence.some((e) => referral.test(e)));
    expect(withDispatch.map((c) => c.code)).toEqual([
      '1.4',
      '1.5',
      '1.6',
      '2.2',
      '2.3',
      '2.4',
      '3.2',
      '3.5',
      '3.6',
      '3.7',
      '3.8',
      '3.9',
      '3.12',
    ]);
    for (const c of withDispatch) {
      const refs = c.evidenceReferences ?? [];
      expect({ code: c.code, refs: refs.length > 0 }).toEqual({ code: c.code, refs: true });
      const section = squeeze(sectionOf(c.code));
      for (const r of refs) {
        expect(section).toContain(
          squeeze(`Công văn số ${r.dispatch} ngày ${r.date} của ${r.issuer}`),
        );
        expect(c.evidenceRequired).toBe(true);
      }
    }
    // 4.6: "Thực hiện theo hướng dẫn của ngành Công an" — a sector's guidance, no number
    const c46 = criterionByCode(cat, '4.6') as Criterion;
    expect(c46.evidenceReferences).toEqual([{ issuer: 'ngành Công an' }]);
    expect(sectionOf('4.6')).toContain('theo hướng dẫn của ngành Công an');
  });

  it('levels carry the appendix titles and result headers of seed 001', () => {
    const titleLines = (file: string) =>
      readSeedTable(file)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .slice(0, 2)
        // the seed spells "CHUYÊN ĐỔI SỐ" in PL01/PL03; the catalog uses the correct "CHUYỂN"
        .map((l) => l.replace('CHUYÊN ĐỔI SỐ', 'CHUYỂN ĐỔI SỐ'));
    const header = (file: string) =>
      readSeedTable(file)
        .split('\n')
        .find((l) => l.startsWith('TT\t'))!
        .split('\t');
    const files: Record<string, string> = {
      xa: 'blank-pl01.tsv',
      huyen: 'blank-pl02.tsv',
      tinh: 'blank-pl03.tsv',
    };
    for (const [id, file] of Object.entries(files)) {
      const level = levelById(cat, id)!;
      expect([level.appendixTitle, level.subtitle]).toEqual(titleLines(file));
      expect(level.sheetName).toBe(`Phụ lục ${level.appendixTitle.slice(-2)}`);
    }
    expect(header('blank-pl02.tsv')).toContain(levelById(cat, 'xa')!.resultHeader);
    expect(header('blank-pl02.tsv')).toContain(levelById(cat, 'huyen')!.resultHeader);
    expect(header('blank-pl03.tsv')).toContain(levelById(cat, 'huyen')!.resultHeader);
    expect(header('blank-pl03.tsv')).toContain(levelById(cat, 'tinh')!.resultHeader);
  });

  it('chains: xã → huyện → tỉnh by default, xã → tỉnh for two-tier government', () => {
    expect(chainLevels(cat).map((l) => l.id)).toEqual(['xa', 'huyen', 'tinh']);
    expect(chainLevels(cat, 'hai-cap-2025').map((l) => l.id)).toEqual(['xa', 'tinh']);
    expect(previousLevel(cat, 'tinh')?.id).toBe('huyen');
    expect(previousLevel(cat, 'tinh', 'hai-cap-2025')?.id).toBe('xa');
    expect(previousLevel(cat, 'xa')).toBeUndefined();
    expect(levelBySheetKind(cat, 'phu-luc-02')?.id).toBe('huyen');
    expect(levelBySheetKind(cat, 'mau-1.4')).toBeUndefined();
  });

  it('documents its reading of unclear targets', () => {
    expect(cat.notes?.length).toBeGreaterThan(0);
    for (const code of ['1.11', '4.8']) expect(criterionByCode(cat, code)?.notes).toBeTruthy();
    expect(criterionByCode(cat, '1.11')?.unit).toBe('Nền tảng');
    expect(criterionByCode(cat, '4.8')?.notes).toContain('(nếu có)');
  });
});

describe('lookups', () => {
  const cat = defaultCatalog();

  it('criterionByCode tolerates spaces and a trailing dot, and rejects unknown codes', () => {
    const first = cat.criteria[0];
    expect(criterionByCode(cat, ` ${first.code}. `)).toBe(first);
    expect(normalizeCode(`${first.code}..`)).toBe(first.code);
    expect(criterionByCode(cat, `${first.code}9`)).toBeUndefined();
    expect(criterionByCode(cat, '')).toBeUndefined();
  });

  it('groupByName folds case, diacritics, NFD and a leading numbering', () => {
    const g = cat.groups[0];
    expect(groupByName(cat, g.name.toUpperCase())).toBe(g);
    expect(groupByName(cat, `I. ${g.name.toUpperCase()}`)).toBe(g);
    expect(groupByName(cat, `${g.code} ${g.name}`.normalize('NFD'))).toBe(g);
    expect(groupByName(cat, 'Nội dung khác')).toBeUndefined();
    expect(groupByCode(cat, `${g.code}.`)).toBe(g);
  });

  it('unknown chains and levels raise CatalogError with their own codes', () => {
    expect(() => chainLevels(cat, 'ba-cap')).toThrow(CatalogError);
    try {
      chainById(cat, 'ba-cap');
      throw new Error('no error');
    } catch (e) {
      expect((e as CatalogError).code).toBe('unknown-chain');
      expect((e as Error).message).toContain('hai-cap-2025');
    }
    try {
      previousLevel(cat, 'huyen', 'hai-cap-2025');
      throw new Error('no error');
    } catch (e) {
      expect((e as CatalogError).code).toBe('unknown-level');
      expect((e as Error).message).toContain('xa → tinh');
    }
  });

  it('bundled catalogs are listed, validated once and cached', () => {
    expect(catalogIds()).toEqual(['thanh-hoa-2023', 'bac-giang-2024', 'thanh-hoa-dti-huyen-2022']);
    expect(bundledCatalogs().map((c) => c.id)).toEqual(catalogIds());
    expect(defaultCatalog()).toBe(defaultCatalog());
    expect(bundledCatalog('bac-giang-2024')).toBe(bundledCatalogs()[1]);
    try {
      bundledCatalog('ha-noi-2030');
      throw new Error('no error');
    } catch (e) {
      expect((e as CatalogError).code).toBe('unknown-catalog');
    }
  });
});

describe('loadCatalog validation', () => {
  it('accepts both bundled JSON files and normalises strings to NFC', () => {
    expect(loadCatalog(clone(thanhHoaJson)).criteria).toHaveLength(37);
    const nfd = clone(thanhHoaJson) as Json;
    nfd.groups[0].name = nfd.groups[0].name.normalize('NFD');
    const cat = loadCatalog(nfd);
    expect(cat.groups[0].name).toBe(defaultCatalog().groups[0].name);
    expect(cat.groups[0].name).toBe(cat.groups[0].name.normalize('NFC'));
  });

  it('keeps unknown optional fields (other modules may add some)', () => {
    const j = clone(thanhHoaJson) as Json;
    j.criteria[0].extra = { a: 1 };
    expect((loadCatalog(j).criteria[0] as unknown as Json).extra).toEqual({ a: 1 });
  });

  it('rejects a non-object', () => {
    for (const bad of [null, 3, 'x', []]) {
      expect(() => loadCatalog(bad)).toThrow(CatalogError);
    }
  });

  // [label, how to break it, the (first) problem expected, problems in all (default 1)]
  const cases: [string, (j: Json) => void, RegExp, number?][] = [
    ['missing title', (j) => delete j.title, /thiếu trường bắt buộc "title"/],
    ['empty province', (j) => (j.province = ' '), /"province" phải là chuỗi không rỗng/],
    ['bad year', (j) => (j.year = '2023'), /"year" phải là năm/],
    ['bad id', (j) => (j.id = 'Thanh Hóa'), /mã danh mục/],
    ['no sources', (j) => (j.sources = []), /"sources" không được rỗng/],
    ['missing criteria', (j) => delete j.criteria, /thiếu trường bắt buộc "criteria"/],
    [
      'duplicate code',
      (j) => (j.criteria[5].code = j.criteria[4].code),
      /bị trùng \(tiêu chí thứ 5 và thứ 6\)/,
    ],
    ['unknown group', (j) => (j.criteria[0].group = '9'), /nhóm "9" không có trong danh sách nhóm/],
    [
      'code outside its group',
      (j) => (j.criteria[0].group = '2'),
      /phải bắt đầu bằng mã nhóm "2\."/,
    ],
    ['bad code', (j) => (j.criteria[0].code = '1'), /mã tiêu chí phải có dạng/],
    // the 6 criteria of group 2 lose their group too
    ['duplicate group', (j) => (j.groups[1].code = '1'), /mã nhóm "1" bị trùng/, 7],
    [
      'alias clash',
      (j) => (j.groups[3].aliases = [j.groups[0].name.toUpperCase()]),
      /trùng với nhóm "1"/,
    ],
    ['duplicate name', (j) => (j.criteria[1].name = j.criteria[0].name), /tên chỉ tiêu trùng/],
    ['missing unit', (j) => delete j.criteria[2].unit, /thiếu trường bắt buộc "unit"/],
    ['missing target', (j) => delete j.criteria[2].target, /thiếu trường bắt buộc "target"/],
    ['rate as percent', (j) => (j.criteria[5].target.value = 70), /khoảng 0\.\.1.*hãy ghi 0\.7/],
    ['negative rate', (j) => (j.criteria[5].target.value = -0.1), /khoảng 0\.\.1/],
    ['rate not a number', (j) => (j.criteria[5].target.value = '70%'), /phải là số/],
    ['bad strict', (j) => (j.criteria[5].target.strict = 'yes'), /"strict" phải là true\/false/],
    [
      'unknown target kind',
      (j) => (j.criteria[0].target.kind = 'max-rate'),
      /loại chỉ tiêu "max-rate" không hợp lệ/,
    ],
    [
      'target without text',
      (j) => delete j.criteria[0].target.text,
      /thiếu trường bắt buộc "text"/,
    ],
    [
      'qualitative without accept',
      (j) => (j.criteria.find((c: Json) => c.target.kind === 'qualitative').target.accept = []),
      /"accept" không được rỗng/,
    ],
    [
      'fractional count',
      (j) => (j.criteria[0].target = { kind: 'min-count', value: 1.5, text: '1,5' }),
      /số nguyên không âm/,
    ],
    [
      'evidence required but none listed',
      (j) => (j.criteria.find((c: Json) => c.evidenceRequired).evidence = []),
      /"evidenceRequired" là true nhưng "evidence" không liệt kê/,
    ],
    [
      'evidenceRequired missing',
      (j) => delete j.criteria[0].evidenceRequired,
      /"evidenceRequired" phải là true\/false/,
    ],
    ['evidence not strings', (j) => (j.criteria[0].evidence = [1]), /phần tử thứ 1 của "evidence"/],
    [
      'referral evidence made optional',
      (j) => (j.criteria.find((c: Json) => c.evidenceReferences).evidenceRequired = false),
      /"evidenceReferences" nêu văn bản quy định hồ sơ chứng minh nên "evidenceRequired" phải là true/,
    ],
    [
      'referral without issuer',
      (j) =>
        (j.criteria.find((c: Json) => c.evidenceReferences).evidenceReferences = [
          { dispatch: '1/X' },
        ]),
      /văn bản hướng dẫn hồ sơ thứ 1: thiếu trường bắt buộc "issuer"/,
    ],
    [
      'referral date without number',
      (j) =>
        (j.criteria.find((c: Json) => c.evidenceReferences).evidenceReferences = [
          { date: '1/1/2023', issuer: 'Sở Y tế' },
        ]),
      /có "date" nhưng thiếu số hiệu văn bản "dispatch"/,
    ],
    [
      'referrals not a list',
      (j) => (j.criteria[0].evidenceReferences = 'Sở Y tế'),
      /"evidenceReferences" phải là danh sách/,
    ],
    [
      'bad form link',
      (j) => (j.criteria[0].formLinks = [{ form: 'mau-1.4' }]),
      /thiếu trường bắt buộc "ratio"/,
    ],
    [
      'notes not a string',
      (j) => (j.criteria[0].notes = ['x']),
      /"notes" \(không bắt buộc\) phải là chuỗi/,
    ],
    // the chain using the renamed level loses it too
    ['duplicate level', (j) => (j.levels[1].id = j.levels[0].id), /mã cấp bị trùng/, 2],
    [
      'level without header',
      (j) => delete j.levels[1].resultHeader,
      /thiếu trường bắt buộc "resultHeader"/,
    ],
    [
      'level sheet kind reused',
      (j) => (j.levels[1].sheetKind = j.levels[0].sheetKind),
      /đã dùng cho cấp/,
    ],
    [
      'chain with unknown level',
      (j) => j.chains[0].levels.push('trung-uong'),
      /cấp "trung-uong" không có trong danh sách cấp/,
    ],
    [
      'chain repeating a level',
      (j) => j.chains[1].levels.push(j.chains[1].levels[0]),
      /xuất hiện hai lần/,
    ],
    ['empty chain', (j) => (j.chains[1].levels = []), /"levels" không được rỗng/],
    ['duplicate chain', (j) => (j.chains[1].id = j.chains[0].id), /mã chuỗi bị trùng/],
    [
      'unknown default chain',
      (j) => (j.defaultChain = 'ba-cap'),
      /chuỗi thẩm định mặc định "ba-cap" không có/,
    ],
    ['missing default chain', (j) => delete j.defaultChain, /thiếu trường bắt buộc "defaultChain"/],
  ];

  it.each(cases)('reports %s', (_label, breakIt, expected, count = 1) => {
    const e = brokenCatalogError(breakIt);
    expect(e.problems).toHaveLength(count);
    expect(e.problems[0]).toMatch(expected);
    expect(e.message).toContain('Danh mục tiêu chí "');
    expect(e.message).toContain(e.problems[0]);
  });

  it('names the criterion in the message and lists every problem at once', () => {
    const e = brokenCatalogError((j) => {
      j.criteria[5].target.value = 70;
      j.criteria[6].group = '9';
      j.defaultChain = 'x';
    });
    expect(e.problems).toHaveLength(3);
    expect(e.problems[0]).toContain(`tiêu chí "${(thanhHoaJson as Json).criteria[5].code}"`);
    expect(e.message).toMatch(/\(3 lỗi\)/);
  });
});

describe('Bắc Giang / Hợp Thịnh 2024 catalog (another province is a new file only)', () => {
  const bg: Catalog = loadCatalog(bacGiangJson);
  const table = readCatalogFixture('hop-thinh-2024-appendix.tsv');
  const ROMAN = ['I', 'II', 'III', 'IV'];

  it('loads, and shares nothing with the Thanh Hóa catalog but the shape', () => {
    expect(bg.id).toBe('bac-giang-2024');
    expect(bg.province).toBe('Bắc Giang');
    expect(bg.year).toBe(2024);
    expect(bg.sources.join(' ')).toContain('Hợp Thịnh');
    expect(bg.sources.join(' ')).not.toMatch(/seed|\b00\d_/i);
    expect(chainLevels(bg).map((l) => l.id)).toEqual(['xa']);
    expect(bg.notes?.join(' ')).toMatch(/thứ tự/);
  });

  it('has the groups and rows of the seed 002 appendix, coded in document order', () => {
    const rows = seedRows(table, /^(\d+|I|II|III|IV)$/);
    const groups = rows.filter((r) => ROMAN.includes(r.code));
    expect(bg.groups.map((g) => [g.code, g.name])).toEqual(
      groups.map((g) => [String(ROMAN.indexOf(g.code) + 1), norm(g.fields[1])]),
    );
    const expected: [string, string][] = [];
    let group = 0;
    for (const r of rows) {
      if (ROMAN.includes(r.code)) group = ROMAN.indexOf(r.code) + 1;
      else expected.push([`${group}.${r.code}`, norm(r.fields[1])]);
    }
    expect(expected).toHaveLength(27);
    expect(bg.criteria.map((c) => [c.code, c.requirement])).toEqual(expected);
  });

  it('each rate target is stated in its row ("trên X%" is strict)', () => {
    for (const c of bg.criteria) {
      if (c.target.kind !== 'min-rate') continue;
      const pct = `${Math.round(c.target.value * 100)}%`;
      expect({ code: c.code, has: c.requirement.includes(pct) }).toEqual({
        code: c.code,
        has: true,
      });
      const above = new RegExp(`trên ${pct}`, 'i').test(c.requirement);
      expect({ code: c.code, strict: c.target.strict === true }).toEqual({
        code: c.code,
        strict: above,
      });
    }
    const smartphone = bg.criteria.find((c) => /điện thoại thông minh$/.test(c.name))!;
    expect(smartphone.target).toEqual({
      kind: 'min-rate',
      value: 0.8,
      text: 'trên 80%',
      strict: true,
    });
  });

  it('uses its own group names (with the short names as aliases)', () => {
    expect(groupByName(bg, 'PHÁT TRIỂN XÃ HỘI SỐ')?.code).toBe('3');
    expect(groupByName(bg, 'Xã hội số')?.code).toBe('3');
    expect(groupByName(bg, 'An toàn, an ninh mạng')?.code).toBe('4');
  });
});

/**
 * Lines of a TypeScript source that write a criterion code as a literal ('3.6', "1.10", `4.5`)
 * or the group name "Chính quyền số". Comments may cite codes as examples and are skipped.
 */
function hardCodedCatalogData(source: string): string[] {
  const code = source
    .normalize('NFC')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
  const found: string[] = [];
  code.split('\n').forEach((line, i) => {
    // An Office requirement-set version ('ExcelApi', '1.10') is not a criterion code.
    if (/ExcelApi|isSetSupported|supported\(|_API\b/.test(line)) return;
    const literal = /['"`]\d\.\d{1,2}['"`]/.exec(line);
    if (literal) found.push(`${i + 1}: ${literal[0]}`);
    else if (line.includes('Chính quyền số')) found.push(`${i + 1}: "Chính quyền số"`);
  });
  return found;
}

describe('no criterion code or target in TypeScript (they are data: src/catalog/*.json)', () => {
  const SRC = path.join(__dirname, '..', '..', '..', '..', 'src');
  const tsFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) return tsFiles(p);
      return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
    });

  it('the scan finds code literals and group names, not comments or form ids', () => {
    const sample = [
      "const a = '3.6';",
      'if (code === "1.10") return;',
      'const b = `4.5`;',
      "const g = 'Chính quyền số';".normalize('NFD'),
      '// a comment citing "2.5" is fine',
      '/** "1.6" in a doc comment */',
      "const form = 'mau-1.4'; const v = 0.7; const u = 'http://x/1.2';",
      "const version = '1.2.3';",
      "if (!supported('1.18')) return; const MIN_EXCEL_API = '1.9';",
      "Office.context.requirements.isSetSupported('ExcelApi', '1.10');",
    ].join('\n');
    expect(hardCodedCatalogData(sample)).toEqual([
      "1: '3.6'",
      '2: "1.10"',
      '3: `4.5`',
      '4: "Chính quyền số"',
    ]);
  });

  it('no src/**/*.ts(x) file holds a quoted criterion code or a group name', () => {
    const offenders = tsFiles(SRC).flatMap((file) =>
      hardCodedCatalogData(fs.readFileSync(file, 'utf8')).map(
        (hit) => `${path.relative(SRC, file)}:${hit}`,
      ),
    );
    if (offenders.length > 0)
      throw new Error(
        'Criterion codes (a quoted code such as "3.6"), group names and targets are data: they ' +
          'belong in src/catalog/*.json and must be read from the Catalog (criterionByCode, ' +
          'cat.groups, criterion.target), never written in TypeScript (see src/catalog/README.md). ' +
          'An evidence form number named after a criterion can be derived from the form kind ' +
          "(kind.slice('mau-'.length)) or kept in JSON. Found:\n" +
          offenders.join('\n'),
      );
  });
});

describe('source documents are named by their own names', () => {
  const SRC = path.join(__dirname, '..', '..', '..', '..', 'src');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const p = path.join(dir, d.name);
      return d.isDirectory() ? files(p) : /\.(tsx?|json|md)$/.test(d.name) ? [p] : [];
    });

  it('no file under src says "seed 00x" (comments, catalog sources and notes)', () => {
    const offenders = files(SRC).filter((f) =>
      /\bseeds? ?0\d\d|\b00\d_[0-9a-f]{6}/i.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
