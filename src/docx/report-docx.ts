/**
 * The report model (src/core/report) → a Word document (.docx bytes), with the `docx`
 * package. Environment-neutral: `Packer.toArrayBuffer` works in Node and in the browser, so
 * the CLI writes the bytes to a file and the pane or the standalone page downloads them.
 *
 * Typography of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, as the
 * templates of Hướng dẫn 2142/STTTT-CNTT are laid out): A4, Times New Roman 13–14, issuing
 * body and national motto side by side at the top, the title and subject centred in bold,
 * justified body with a first-line indent, "Nơi nhận" and the signature block side by side;
 * the appendix follows in a landscape section, its header row repeated on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { ReportBlock, ReportDocument, ReportRun } from '../core/report';

const FONT = 'Times New Roman';
/** Half-points */
const BODY = 28; // 14 pt
const SMALL = 26; // 13 pt
const TABLE = 22; // 11 pt
const RECIPIENTS = 22;

/** Twips (1/1440 inch); 1 mm = 56.7 twips. */
const mm = (v: number) => Math.round(v * 56.7);
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const LANDSCAPE_MARGIN = { top: mm(20), bottom: mm(15), left: mm(15), right: mm(15) };

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function run(
  r: ReportRun,
  size = BODY,
  extra: { bold?: boolean; italics?: boolean } = {},
): TextRun {
  return new TextRun({
    text: r.text,
    font: FONT,
    size,
    bold: r.bold ?? extra.bold,
    italics: r.italic ?? extra.italics,
    ...(r.placeholder ? { highlight: 'yellow' } : {}),
  });
}

function line(
  runs: ReportRun[],
  opts: {
    size?: number;
    bold?: boolean;
    italics?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    after?: number;
    before?: number;
    indent?: number;
    keepNext?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 0, before: opts.before ?? 0, line: 276 },
    ...(opts.indent ? { indent: { firstLine: opts.indent } } : {}),
    keepNext: opts.keepNext,
    children: runs.map((r) => run(r, opts.size, { bold: opts.bold, italics: opts.italics })),
  });
}

const text = (s: string): ReportRun[] => [{ text: s }];

/** Issuing body (left) and national motto (right), "Số" under the body, date under the motto. */
function headerTable(doc: ReportDocument): Table {
  const left: Paragraph[] = doc.issuer.map((runs, i) =>
    line(runs, {
      size: SMALL,
      bold: i === doc.issuer.length - 1,
      align: AlignmentType.CENTER,
    }),
  );
  left.push(line(text('———'), { size: SMALL, align: AlignmentType.CENTER, after: 80 }));
  left.push(line(doc.number, { size: SMALL, align: AlignmentType.CENTER }));
  const right: Paragraph[] = [
    line(text(doc.motto[0]), { size: 24, bold: true, align: AlignmentType.CENTER }),
    line(text(doc.motto[1]), { size: SMALL, bold: true, align: AlignmentType.CENTER }),
    line(text('———————————'), { size: SMALL, align: AlignmentType.CENTER, after: 80 }),
    line(doc.placeDate, { size: SMALL, italics: true, align: AlignmentType.CENTER }),
  ];
  return borderlessTable([left, right], [38, 62]);
}

function borderlessTable(columns: Paragraph[][], percents: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        children: columns.map(
          (children, i) =>
            new TableCell({
              children,
              borders: NO_BORDERS,
              width: { size: percents[i], type: WidthType.PERCENTAGE },
            }),
        ),
      }),
    ],
  });
}

function block(b: ReportBlock): Paragraph {
  switch (b.kind) {
    case 'heading':
      return line(b.runs, {
        bold: true,
        italics: b.level === 3,
        before: b.level === 1 ? 120 : 60,
        after: 60,
        indent: mm(10),
        keepNext: true,
      });
    case 'bullet':
      return line([{ text: '- ' }, ...b.runs], { after: 60, indent: mm(10) });
    case 'paragraph':
      return line(b.runs, {
        after: 80,
        indent: mm(10),
        align: b.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      });
  }
}

/** "Nơi nhận" (left) and the signature block (right). */
function closingTable(doc: ReportDocument): Table {
  const left: Paragraph[] = [
    line(text('Nơi nhận:'), { size: 24, bold: true, italics: true, align: AlignmentType.LEFT }),
    ...doc.recipients.map((runs) => line(runs, { size: RECIPIENTS, align: AlignmentType.LEFT })),
  ];
  const right: Paragraph[] = [
    ...doc.signature.lines.map((l) =>
      line(text(l), { size: SMALL, bold: true, align: AlignmentType.CENTER }),
    ),
    line(text('(Ký, ghi rõ họ tên, đóng dấu)'), {
      size: 24,
      italics: true,
      align: AlignmentType.CENTER,
      after: 1200,
    }),
    line(doc.signature.name, { size: SMALL, bold: true, align: AlignmentType.CENTER }),
  ];
  return borderlessTable([left, right], [50, 50]);
}

function appendixTable(doc: ReportDocument): Table {
  const a = doc.appendix;
  const total = a.widths.reduce((s, w) => s + w, 0) || 1;
  const usable = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
  const widths = a.widths.map((w) => Math.floor((usable * w) / total));
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  const cell = (value: string, i: number, bold: boolean, center: boolean) =>
    new TableCell({
      borders,
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        line(text(value), {
          size: TABLE,
          bold,
          align: center ? AlignmentType.CENTER : AlignmentType.LEFT,
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 400, rule: HeightRule.ATLEAST },
    children: a.headers.map((h, i) => cell(h, i, true, true)),
  });
  const rows = a.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((v, i) => cell(v, i, r.kind === 'group', i === 0)),
      }),
  );
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: FONT,
            size: 22,
            children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** The Word document of a report. */
export function reportDocument(doc: ReportDocument): Document {
  const body = [
    headerTable(doc),
    line(text(''), { after: 120 }),
    line(text(doc.title), { bold: true, align: AlignmentType.CENTER, before: 120 }),
    line(doc.subject, { bold: true, align: AlignmentType.CENTER }),
    line(text('———————'), { align: AlignmentType.CENTER, after: 200 }),
    ...doc.body.map(block),
    line(text(''), { after: 120 }),
    closingTable(doc),
  ];
  const appendix = [
    ...doc.appendix.titleLines.map((l, i) =>
      line(text(l), {
        bold: true,
        align: AlignmentType.CENTER,
        size: i === 0 ? BODY : SMALL,
        after: i === doc.appendix.titleLines.length - 1 ? 60 : 0,
      }),
    ),
    line(
      text(
        `(Kèm theo Báo cáo số ${'…'}/${doc.number
          .map((r) => r.text)
          .join('')
          .split('/')
          .pop()})`,
      ),
      {
        italics: true,
        size: SMALL,
        align: AlignmentType.CENTER,
        after: 160,
      },
    ),
    appendixTable(doc),
    line(text(doc.appendix.summary), {
      italics: true,
      size: SMALL,
      before: 160,
      align: AlignmentType.LEFT,
    }),
  ];
  return new Document({
    creator: 'cds-check',
    title: `${doc.title} — ${doc.subject.map((r) => r.text).join('')}`,
    description: `${doc.formLabel} (Hướng dẫn 2142/STTTT-CNTT)`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: PORTRAIT_MARGIN,
          },
        },
        children: body,
      },
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: LANDSCAPE_MARGIN,
          },
        },
        footers: { default: pageFooter() },
        children: appendix,
      },
    ],
  });
}

/** The .docx bytes of a report (Node and browser). */
export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(reportDocument(doc));
  return new Uint8Array(buf);
}

/** The MIME type of a .docx, for downloads. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
