/**
 * A province's inbox for the roll-up: seven communes' PHỤ LỤC 01 made the ways officials make
 * them (as typed from the official layout, PDF-pasted, NFD, numeric cells typed into a vi-VN
 * Excel, LibreOffice-written, rich text, "Đạt | Không đạt" mark columns), each renamed to its
 * own commune in its title rows, plus an unrelated workbook and a truncated file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import {
  TITLE_PL01,
  addBudgetSheet,
  cleanRows,
  hoangKimTypedInExcel,
  newWorkbook,
  officialWorkbook,
  patchRows,
  rich,
  writeAppendix,
} from './fixtures/qa-builders';
import { hoangKimWorkbook, truncatedXlsx } from './fixtures/xlsx-builders';
import { marksWorkbook } from './fill-layout-builders';

export interface CommuneFile {
  /** file name in the folder */
  file: string;
  /** the commune's name as its title rows state it */
  commune: string;
  label: string;
  build: () => ExcelJS.Workbook;
  /** written by LibreOffice (the file is converted after ExcelJS wrote it) */
  libreOffice?: boolean;
}

/**
 * Replace the commune's name in every text of the workbook (title rows, cover sheets, rich
 * text runs), keeping the case it was written in and its Unicode form (NFC or NFD).
 */
export function renameCommune(wb: ExcelJS.Workbook, from: string, to: string): void {
  const swap = (s: string): string => {
    const nfd = s !== s.normalize('NFC');
    let t = s.normalize('NFC');
    t = t.split(from.toLocaleUpperCase('vi')).join(to.toLocaleUpperCase('vi'));
    t = t.split(from).join(to);
    return nfd ? t.normalize('NFD') : t;
  };
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') cell.value = swap(v);
        else if (
          v &&
          typeof v === 'object' &&
          Array.isArray((v as ExcelJS.CellRichTextValue).richText)
        )
          cell.value = {
            richText: (v as ExcelJS.CellRichTextValue).richText.map((r) => ({
              ...r,
              text: swap(r.text),
            })),
          };
      }),
    );
}

function renamed(build: () => ExcelJS.Workbook, to: string): () => ExcelJS.Workbook {
  return () => {
    const wb = build();
    renameCommune(wb, 'Hoàng Kim', to);
    return wb;
  };
}

export const COMMUNE_FILES: CommuneFile[] = [
  {
    file: 'xa-hoang-dao-chinh-thuc.xlsx',
    commune: 'Hoằng Đạo',
    label: 'official layout as typed (motto block, sheet not first, IF() verdicts)',
    build: renamed(() => officialWorkbook().wb, 'Hoằng Đạo'),
  },
  {
    file: 'xa-hoang-kim-dan-tu-pdf.xlsx',
    commune: 'Hoàng Kim',
    label: 'the seed table pasted from the PDF (repeated headers, continuation rows)',
    build: hoangKimWorkbook,
  },
  {
    file: 'xa-hoang-loc-nfd.xlsx',
    commune: 'Hoằng Lộc',
    label: 'every text in NFD, title included',
    build: () => {
      const wb = newWorkbook();
      writeAppendix(wb.addWorksheet('PL01'), {
        title: [...TITLE_PL01.slice(0, 2), 'UBND XÃ HOẰNG LỘC'].map((t) => t.normalize('NFD')),
        headerNfd: true,
        dataNfd: true,
        rows: patchRows(cleanRows(), { '2.5': { commune: '30%' }, '3.3': { commune: '' } }),
      });
      return wb;
    },
  },
  {
    file: 'xa-hoang-trinh-so.xlsx',
    commune: 'Hoằng Trinh',
    label: 'percentages typed into a vi-VN Excel (numeric cells), after a cover sheet',
    build: renamed(hoangKimTypedInExcel, 'Hoằng Trinh'),
  },
  {
    file: 'xa-hoang-phong-libreoffice.xlsx',
    commune: 'Hoằng Phong',
    label: 'saved by LibreOffice Calc',
    build: () => {
      const wb = newWorkbook();
      writeAppendix(wb.addWorksheet('Phụ lục 01'), {
        motto: true,
        signature: true,
        rows: patchRows(cleanRows(), { '1.6': { commune: '65,5%' }, '4.2': { commune: 'Không' } }),
      });
      renameCommune(wb, 'Hoàng Kim', 'Hoằng Phong');
      return wb;
    },
    libreOffice: true,
  },
  {
    file: 'phuong-quang-thang-rich.xlsx',
    commune: 'Quảng Thắng',
    label: 'rich text in the title and the table',
    build: () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('PL01');
      writeAppendix(ws, {
        title: ['PHỤ LỤC 01', 'CHI TIẾT TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN TIÊU CHÍ CHUYỂN ĐỔI SỐ', 'x'],
        rows: patchRows(cleanRows(), {
          '1.6': { commune: rich('82,9', '%'), verdict: rich('Đ', 'ạt') },
          '4.5': { commune: rich('14 ', 'điểm') },
          '3.8': { commune: '2/3 = 69%' },
        }),
      });
      ws.getCell('A3').value = rich(
        '(Kèm theo Báo cáo số 98/BC-UBND của ',
        'UBND phường ',
        'Quảng Thắng)',
      );
      return wb;
    },
  },
  {
    file: 'xa-hoang-xuan-danh-dau.xlsx',
    commune: 'Hoằng Xuân',
    label: 'Đánh giá as "Đạt" | "Không đạt" mark columns',
    build: renamed(
      () => marksWorkbook(patchRows(cleanRows(), { '2.1': { commune: '' } })).wb,
      'Hoằng Xuân',
    ),
  },
];

export const UNRELATED_FILE = 'du-toan-kinh-phi.xlsx';
export const TRUNCATED_FILE = 'xa-bi-cat-cut.xlsx';

/**
 * Write the folder: the seven communes (the LibreOffice one converted with `convert` when
 * given, else left as ExcelJS wrote it), the unrelated workbook and the truncated file.
 */
export async function writeRollupFolder(
  dir: string,
  convert?: (file: string, outDir: string) => void,
): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (const c of COMMUNE_FILES) {
    const wb = c.build();
    if (c.libreOffice && convert) {
      const staging = fs.mkdtempSync(path.join(dir, '..', 'lo-in-'));
      const src = path.join(staging, c.file);
      await wb.xlsx.writeFile(src);
      convert(src, dir);
      fs.rmSync(staging, { recursive: true, force: true });
    } else await wb.xlsx.writeFile(path.join(dir, c.file));
  }
  const other = newWorkbook();
  addBudgetSheet(other, 'Dự toán');
  await other.xlsx.writeFile(path.join(dir, UNRELATED_FILE));
  const hk = hoangKimWorkbook();
  fs.writeFileSync(path.join(dir, TRUNCATED_FILE), await truncatedXlsx(hk));
}
