/**
 * The evidence forms of Hướng dẫn 2142/STTTT-CNTT ("C. CÁC MẪU BẢNG BIỂU"), as data:
 * titles, headers (exact official text for templates, synonyms for recognition), which columns
 * hold ticks, the summary lines and the ratios they state.
 *
 * Synonyms are `matchKey` phrases (no diacritics, lower case, punctuation as spaces); a header
 * matches a column when it contains the phrase as whole words. Summary-line patterns are lists
 * of phrases that must all occur (any of the alternatives).
 */
import type { FormColumnKind, FormKind } from './types';

export interface FormColumnDef {
  id: string;
  kind: FormColumnKind;
  /** Official header text (Hướng dẫn 2142/STTTT-CNTT), written by the template */
  header: string;
  /** Parent header of a two-level header (Mẫu 2.5), written merged above */
  parent?: string;
  synonyms: string[];
  /** Needed for a header row to count as this list's header */
  required?: boolean;
  /** A detail of a tick column (Mẫu 2.5 provider of "Có/Không"): written without the tick → mark-unclear */
  detailOf?: string;
}

export interface FormListDef {
  id: string;
  /** Official heading above the list (Mẫu 4.1), written by the template */
  heading?: string;
  /** Phrases identifying the heading (all must occur), any alternative */
  headingMatch?: string[][];
  columns: FormColumnDef[];
  /** Columns whose equal values mean the same entry twice (duplicate-entry) */
  identity?: string[];
  /** The template writes a "Tổng cộng" line under the list */
  totalLine?: boolean;
  /** Example entries the official layout prints (Mẫu 4.5), written by the template */
  exampleRows?: string[];
}

export interface FormRatioDef {
  key: string;
  /** Vietnamese label for reports */
  label: string;
  list: string;
  /** `rate`: numerator/denominator; `count`: value = numerator, denominator = 1 */
  kind: 'rate' | 'count';
  /** Column ids that must all be ticked for a row to count (empty: every named row) */
  numerator: string[];
  /** Column ids that must all be ticked for a row to be in the denominator (empty: every named row) */
  denominator: string[];
}

export interface FormSummaryDef {
  /** The ratio the line states */
  ratio: string;
  /** Official text (Hướng dẫn 2142/STTTT-CNTT) */
  label: string;
  /** Alternatives, each a list of phrases that must all occur in the label */
  match: string[][];
  /** Phrases that must not occur (a more specific line of the same form) */
  exclude?: string[];
  /** Not in the official layout (Mẫu 4.1): no finding when absent, fill adds it */
  optional?: boolean;
}

export interface FormDef {
  kind: FormKind;
  /** Official title (Hướng dẫn 2142/STTTT-CNTT) */
  title: string;
  lists: FormListDef[];
  ratios: FormRatioDef[];
  /** In the order they appear */
  summaries: FormSummaryDef[];
  /** Signature block: rows of [left, right] cells, as printed */
  signature: [string, string][];
}

const STT: FormColumnDef = {
  id: 'stt',
  kind: 'stt',
  header: 'STT',
  synonyms: ['stt', 'tt', 'so tt', 'so thu tu'],
};
const TT: FormColumnDef = { ...STT, header: 'TT' };
const NOTE: FormColumnDef = { id: 'note', kind: 'note', header: 'Ghi chú', synonyms: ['ghi chu'] };
const ENTERPRISE: FormColumnDef = {
  id: 'name',
  kind: 'name',
  header: 'Tên doanh nghiệp',
  synonyms: ['ten doanh nghiep', 'doanh nghiep', 'ten dn', 'ten co so'],
  required: true,
};
const PHONE: FormColumnDef = {
  id: 'phone',
  kind: 'phone',
  header: 'Số điện thoại liên hệ',
  synonyms: ['so dien thoai', 'dien thoai lien he', 'sdt', 'so dt', 'dien thoai', 'so thue bao'],
};

const SIGN_SUMMARISER: [string, string][] = [
  ['Cán bộ tổng hợp', 'CHỦ TỊCH'],
  ['(Ký ghi rõ họ tên, số điện thoại liên hệ)', '(Ký ghi rõ họ tên, đóng dấu)'],
];

export const FORM_DEFS: FormDef[] = [
  {
    kind: 'mau-1.4',
    title: 'Mẫu 1.4. Danh sách cán bộ, công chức có máy tính và được cấp hộp thư điện tử công vụ',
    lists: [
      {
        id: 'main',
        columns: [
          STT,
          {
            id: 'name',
            kind: 'name',
            header: 'Họ tên',
            synonyms: ['ho ten', 'ho va ten', 'ten can bo', 'ten cbcc'],
            required: true,
          },
          { id: 'position', kind: 'text', header: 'Chức vụ', synonyms: ['chuc vu', 'chuc danh'] },
          {
            id: 'computer',
            kind: 'tick',
            header: 'Có máy tính làm việc',
            synonyms: ['may tinh', 'may vi tinh'],
            required: true,
          },
          {
            id: 'mailbox',
            kind: 'email',
            header: 'Hộp thư điện tử công vụ (ghi địa chỉ hộp thư)',
            synonyms: ['hop thu', 'thu dien tu', 'email', 'e mail', 'dia chi thu', 'thu cong vu'],
          },
          NOTE,
        ],
        identity: ['name', 'position'],
        totalLine: true,
      },
    ],
    ratios: [
      {
        key: 'staff',
        label: 'Tổng số CBCC của cơ quan',
        list: 'main',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
      {
        key: 'computer',
        label: 'Tỷ lệ CBCC có máy tính/tổng số CBCC',
        list: 'main',
        kind: 'rate',
        numerator: ['computer'],
        denominator: [],
      },
      {
        key: 'mailbox',
        label: 'Tỷ lệ CBCC được cấp hộp thư điện tử công vụ/tổng số CBCC',
        list: 'main',
        kind: 'rate',
        numerator: ['mailbox'],
        denominator: [],
      },
    ],
    summaries: [
      {
        ratio: 'staff',
        label: '- Tổng số CBCC của cơ quan: người.',
        match: [
          ['tong so', 'cbcc'],
          ['tong so', 'can bo'],
          ['tong so', 'cb'],
          ['tong so', 'cong chuc'],
          ['so cbcc'],
        ],
      },
      {
        ratio: 'computer',
        label: '- Tỷ lệ CBCC có máy tính/tổng số CBCC:%',
        match: [
          ['ty le', 'may tinh'],
          ['ty le', 'may vi tinh'],
        ],
      },
      {
        ratio: 'mailbox',
        label: '- Tỷ lệ CBCC được cấp hộp thư điện tử công vụ/tổng số CBCC:%',
        match: [
          ['ty le', 'hop thu'],
          ['ty le', 'thu dien tu'],
          ['ty le', 'email'],
          ['ty le', 'thu cong vu'],
        ],
      },
    ],
    signature: [
      ['Người thống kê', 'Xác nhận của UBND xã'],
      ['(Ký, ghi rõ họ tên)', '(Ký ghi rõ họ tên, đóng dấu)'],
    ],
  },
  {
    kind: 'mau-2.5',
    title: 'Mẫu 2.5. Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử',
    lists: [
      {
        id: 'main',
        columns: [
          TT,
          ENTERPRISE,
          PHONE,
          {
            id: 'e-contract',
            kind: 'tick',
            parent: 'Sử dụng hợp đồng điện tử',
            header: 'Có/Không',
            synonyms: ['co khong', 'su dung hop dong dien tu', 'su dung hddt'],
            required: true,
          },
          {
            id: 'provider',
            kind: 'text',
            parent: 'Sử dụng hợp đồng điện tử',
            header: 'Đơn vị cung cấp hợp đồng điện tử',
            synonyms: ['don vi cung cap hop dong dien tu', 'don vi cung cap', 'nha cung cap'],
            detailOf: 'e-contract',
          },
          NOTE,
        ],
        identity: ['name', 'phone'],
      },
    ],
    ratios: [
      {
        key: 'enterprises',
        label: 'Tổng số DNVVN',
        list: 'main',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
      {
        key: 'e-contract',
        label: 'Tỷ lệ DNVVN sử dụng hợp đồng điện tử',
        list: 'main',
        kind: 'rate',
        numerator: ['e-contract'],
        denominator: [],
      },
    ],
    summaries: [
      {
        ratio: 'enterprises',
        label: 'Tổng số DNVVN:',
        match: [
          ['tong so', 'dnvvn'],
          ['tong so', 'doanh nghiep'],
          ['tong so', 'dn'],
        ],
      },
      {
        ratio: 'e-contract',
        label: 'Tỷ lệ DNVVN sử dụng hợp đồng điện tử:',
        match: [
          ['ty le', 'hop dong dien tu'],
          ['ty le', 'hddt'],
        ],
      },
    ],
    signature: SIGN_SUMMARISER,
  },
  {
    kind: 'mau-2.6',
    title: 'Mẫu 2.6. Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số',
    lists: [
      {
        id: 'main',
        columns: [
          TT,
          ENTERPRISE,
          PHONE,
          {
            id: 'digital-platform',
            kind: 'tick-or-text',
            header: 'Sử dụng nền tảng số',
            synonyms: ['nen tang so', 'su dung nen tang'],
            required: true,
          },
          NOTE,
        ],
        identity: ['name', 'phone'],
      },
    ],
    ratios: [
      {
        key: 'enterprises',
        label: 'Tổng số DNVVN',
        list: 'main',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
      {
        key: 'digital-platform',
        label: 'Tỷ lệ DNVVN sử dụng nền tảng số',
        list: 'main',
        kind: 'rate',
        numerator: ['digital-platform'],
        denominator: [],
      },
    ],
    summaries: [
      {
        ratio: 'enterprises',
        label: 'Tổng số DNVVN:',
        match: [
          ['tong so', 'dnvvn'],
          ['tong so', 'doanh nghiep'],
          ['tong so', 'dn'],
        ],
      },
      {
        ratio: 'digital-platform',
        label: 'Tỷ lệ DNVVN sử dụng nền tảng số:',
        match: [['ty le', 'nen tang so']],
      },
    ],
    signature: SIGN_SUMMARISER,
  },
  {
    kind: 'mau-3.3',
    title:
      'Mẫu 3.3. Tỷ lệ thuê bao điện thoại di động thông minh có sử dụng phần mềm an toàn thông tin mạng cơ bản',
    lists: [
      {
        id: 'main',
        columns: [
          TT,
          {
            id: 'name',
            kind: 'name',
            header: 'Họ và tên',
            synonyms: ['ho va ten', 'ho ten'],
            required: true,
          },
          PHONE,
          {
            id: 'smartphone',
            kind: 'tick',
            header: 'Có điện thoại thông minh',
            synonyms: [
              'dien thoai thong minh',
              'smartphone',
              'smart phone',
              'dtdd thong minh',
              'dt thong minh',
              'dien thoai tm',
              'dttm',
              'di dong thong minh',
              'dien thoai di dong thong minh',
            ],
            required: true,
          },
          {
            id: 'security-app',
            kind: 'tick',
            header: 'Có cài đặt PM ATTT',
            synonyms: [
              'pm attt',
              'phan mem attt',
              'phan mem an toan thong tin',
              'an toan thong tin',
              'attt',
            ],
          },
          {
            id: 'digital-signature',
            kind: 'tick',
            header: 'Có chữ ký số',
            synonyms: ['chu ky so', 'chu ky dien tu', 'cks'],
          },
          {
            id: 'online-services',
            kind: 'tick',
            header: 'Có sử dụng dịch vụ công trực tuyến',
            synonyms: [
              'dich vu cong truc tuyen',
              'dich vu cong',
              'dvc truc tuyen',
              'dvc tt',
              'dvctt',
            ],
          },
          NOTE,
        ],
        identity: ['name', 'phone'],
      },
    ],
    ratios: [
      {
        key: 'adults',
        label: 'Tổng dân số trưởng thành',
        list: 'main',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
      {
        key: 'smartphone',
        label: 'Tỷ lệ dân số trưởng thành có điện thoại thông minh',
        list: 'main',
        kind: 'rate',
        numerator: ['smartphone'],
        denominator: [],
      },
      {
        key: 'security-app',
        label: 'Tỷ lệ thuê bao điện thoại thông minh được cài đặt phần mềm ATTT',
        list: 'main',
        kind: 'rate',
        numerator: ['smartphone', 'security-app'],
        denominator: ['smartphone'],
      },
      {
        key: 'digital-signature',
        label: 'Tỷ lệ dân số trưởng thành có chữ ký số',
        list: 'main',
        kind: 'rate',
        numerator: ['digital-signature'],
        denominator: [],
      },
      {
        key: 'online-services',
        label: 'Tỷ lệ dân số trưởng thành có sử dụng dịch vụ công trực tuyến',
        list: 'main',
        kind: 'rate',
        numerator: ['online-services'],
        denominator: [],
      },
    ],
    summaries: [
      {
        ratio: 'adults',
        label: 'Tổng dân số trưởng thành:',
        match: [
          ['tong', 'dan so truong thanh'],
          ['tong', 'truong thanh'],
          ['dan so truong thanh'],
          ['so dan truong thanh'],
          ['so nguoi truong thanh'],
        ],
        // "Tổng số người trưởng thành có điện thoại thông minh: 104" is not the adults
        exclude: [
          'dien thoai',
          'dttm',
          'thong minh',
          'chu ky',
          'dich vu',
          'attt',
          'cai dat',
          'su dung',
        ],
      },
      {
        ratio: 'smartphone',
        label: 'Tỷ lệ dân số trưởng thành có điện thoại thông minh:',
        match: [
          ['ty le', 'dan so', 'dien thoai thong minh'],
          ['ty le', 'dien thoai thong minh'],
          ['ty le', 'dien thoai di dong thong minh'],
          ['ty le', 'dttm'],
          ['ty le', 'smartphone'],
        ],
        // "Tỷ lệ thuê bao điện thoại thông minh được cài đặt phần mềm ATTT" is the next line
        exclude: ['attt', 'cai dat', 'phan mem', 'an toan'],
      },
      {
        ratio: 'security-app',
        label: 'Tỷ lệ thuê bao điện thoại thông minh được cài đặt phần mềm ATTT:',
        match: [
          ['ty le', 'cai dat'],
          ['ty le', 'attt'],
          ['ty le', 'an toan thong tin'],
        ],
      },
      {
        ratio: 'digital-signature',
        label: 'Tỷ lệ dân số trưởng thành có chữ ký số:',
        match: [
          ['ty le', 'chu ky'],
          ['ty le', 'cks'],
        ],
      },
      {
        ratio: 'online-services',
        label: 'Tỷ lệ dân số trưởng thành có sử dụng dịch vụ công trực tuyến:',
        match: [
          ['ty le', 'dich vu cong'],
          ['ty le', 'dvc'],
          ['ty le', 'dvctt'],
        ],
      },
    ],
    signature: SIGN_SUMMARISER,
  },
  {
    kind: 'mau-4.1',
    title:
      'Mẫu số 4.1. Hạ tầng mạng băng rộng cáp quang, mạng thông tin di động 4G/5G sẵn sàng cung cấp dịch vụ đến các hộ gia đình.',
    lists: [
      {
        id: 'fibre-boxes',
        heading: '1. Danh sách hộp cáp cung cấp dịch vụ Internet băng thông rộng',
        headingMatch: [['danh sach', 'hop cap']],
        columns: [
          TT,
          {
            id: 'name',
            kind: 'name',
            header: 'Địa chỉ lắp đặt',
            synonyms: ['dia chi lap dat', 'vi tri lap dat', 'dia chi'],
            required: true,
          },
          {
            id: 'operator',
            kind: 'text',
            header: 'Mạng thông tin di động (ghi tên doanh nghiệp)',
            synonyms: ['ghi ten doanh nghiep', 'mang thong tin di dong', 'doanh nghiep'],
          },
          NOTE,
        ],
      },
      {
        id: 'base-stations',
        heading: '2. Danh sách các trạm thu, phát sóng thông tin di động',
        headingMatch: [['danh sach', 'tram']],
        columns: [
          TT,
          {
            id: 'name',
            kind: 'name',
            header: 'Tên thôn/bản/khu phố',
            synonyms: ['ten thon', 'thon ban', 'khu pho', 'ten tram'],
            required: true,
          },
          {
            id: 'service',
            kind: 'text',
            header: 'Hộp cáp cung cấp dịch vụ truy cập Internet băng rộng',
            synonyms: ['hop cap', 'internet bang rong'],
          },
          NOTE,
        ],
      },
    ],
    ratios: [
      {
        key: 'fibre-boxes',
        label: 'Số hộp cáp cung cấp dịch vụ Internet băng thông rộng',
        list: 'fibre-boxes',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
      {
        key: 'base-stations',
        label: 'Số trạm thu, phát sóng thông tin di động',
        list: 'base-stations',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
    ],
    summaries: [
      {
        ratio: 'fibre-boxes',
        label: 'Tổng số hộp cáp:',
        match: [['tong so', 'hop cap']],
        optional: true,
      },
      {
        ratio: 'base-stations',
        label: 'Tổng số trạm thu, phát sóng:',
        match: [['tong so', 'tram']],
        optional: true,
      },
    ],
    signature: [
      ['Cán bộ tổng hợp', 'Xác nhận của UBND xã'],
      ['(Ký ghi rõ họ tên, số điện thoại liên hệ)', '(Ký ghi rõ họ tên, đóng dấu)'],
      ['', ''],
      ['Xác nhận của Doanh nghiệp', ''],
      ['VNPT:', ''],
      ['Viettel:.....', ''],
      ['Mobifone:.....', ''],
    ],
  },
  {
    kind: 'mau-4.5',
    title:
      'Mẫu số 4.5. Danh sách các khu vực công cộng, điểm du lịch cộng đồng, ... có wifi công cộng trên địa bàn xã',
    lists: [
      {
        id: 'main',
        columns: [
          STT,
          {
            id: 'name',
            kind: 'name',
            header: 'Khu vực/tên điểm du lịch cộng đồng',
            synonyms: [
              'khu vuc',
              'diem du lich',
              'ten diem',
              'dia diem',
              'diem wifi',
              'diem phat wifi',
              'vi tri lap dat',
              'diem lap dat',
            ],
            required: true,
          },
          {
            id: 'address',
            kind: 'text',
            header: 'Địa chỉ (Số nhà/thôn)',
            synonyms: ['dia chi', 'so nha', 'thon', 'thon xom'],
            required: true,
          },
          NOTE,
        ],
        identity: ['name', 'address'],
        totalLine: true,
        exampleRows: ['Khu vực UBND xã', 'Hội trường UBND xã'],
      },
    ],
    ratios: [
      {
        key: 'wifi-points',
        label: 'Tổng số điểm công cộng có wifi',
        list: 'main',
        kind: 'count',
        numerator: [],
        denominator: [],
      },
    ],
    summaries: [
      {
        ratio: 'wifi-points',
        label: '- Tổng số điểm công cộng có wifi:',
        match: [
          ['tong so', 'wifi'],
          ['tong so', 'diem'],
        ],
      },
    ],
    signature: [
      ['Người thống kê', 'Xác nhận của UBND xã'],
      ['(ký, ghi rõ họ tên)', '(Ký ghi rõ họ tên, đóng dấu)'],
    ],
  },
];

/** The form's number as printed ("mau-1.4" → "1.4"). */
export function formNumber(kind: FormKind): string {
  return kind.slice('mau-'.length);
}

/** The definition of a form kind. */
export function formDef(kind: FormKind): FormDef {
  const d = FORM_DEFS.find((f) => f.kind === kind);
  if (!d) throw new Error(`Unknown form kind ${kind}`);
  return d;
}

/** Spellings that mean "yes" in a tick column (compared case-insensitively after trimming). */
export const TICK_YES = ['x', 'có', 'c', '1', '✓', '✔', 'v', '√', 'true'];
/**
 * Prefixes that mean "yes" followed by a detail: "Có (VNPT)", "Có - Viettel", "Có, MISA".
 * All three characters long: the fill formulas compare LEFT(TRIM(cell), 3) with them.
 */
export const TICK_YES_PREFIXES = ['có ', 'có(', 'có-', 'có,', 'có:'];
/** Spellings that mean "no". */
export const TICK_NO = ['', 'không', 'k', '0', '-', 'chưa', 'không có', 'chưa có', 'ko', 'false'];

/**
 * Phrases that mean "no", alone or followed by more words: "Không sử dụng", "Chưa được cấp",
 * "Chưa có (đang làm thủ tục)", "Ko dùng". Compared at the start of the trimmed, lower-cased
 * text. "Chưa rõ", "Không xác định" are not among them: they stay unclear and are reported.
 */
export const TICK_NO_PREFIXES = [
  'không có',
  'không sử dụng',
  'không dùng',
  'không cài',
  'không được',
  'không áp dụng',
  'không trang bị',
  'chưa có',
  'chưa sử dụng',
  'chưa dùng',
  'chưa cài',
  'chưa được',
  'chưa áp dụng',
  'chưa trang bị',
  'chưa cấp',
  'ko có',
  'ko sử dụng',
  'ko dùng',
];

/** An official mailbox ends with this (state e-mail, "…@thanhhoa.gov.vn"). */
export const OFFICIAL_MAIL_SUFFIX = '.gov.vn';

/**
 * Row starts (`matchKey` of the row's first text) that end a list: summary lines, the signature
 * block, notes. Total lines ("Tổng cộng", "Cộng") are `SUBTOTAL_PATTERN`.
 */
export const LIST_END_MARKERS = [
  'tong so',
  'tong dan so',
  'ty le',
  'nguoi thong ke',
  'nguoi lap bieu',
  'can bo tong hop',
  'xac nhan',
  'chu tich',
  'thu truong',
  'luu y',
  'ghi chu',
  'noi nhan',
];

/** Whole-row texts (folded) that end a list: a bare "Cộng" / "Tổng" total line. */
export const LIST_END_EXACT = ['cong', 'tong'];

/** Row starts that begin the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"…). */
export const SIGNATURE_MARKERS = [
  'nguoi thong ke',
  'nguoi lap bieu',
  'nguoi lap',
  'nguoi tong hop',
  'can bo tong hop',
  'xac nhan cua',
  'chu tich',
  'pho chu tich',
  'thu truong',
  'tm uy ban',
  'tm ubnd',
  'kt chu tich',
  'tl chu tich',
  'noi nhan',
];

/**
 * A row that is a total or a subtotal of a grouped list ("Tổng cộng", "Cộng", "Cộng thôn Đông",
 * "Tổng thôn Tây", "Cộng I", "Cộng: 8 người"), as a pattern on its `matchKey` (dots as spaces).
 * It is a subtotal when entries follow it, else the list's total line. A person named
 * "Tống Văn An" does not match: after "cộng"/"tổng" only a place word, a numbering, a figure
 * or "toàn xã" may follow.
 */
export const SUBTOTAL_PATTERN =
  /^(?:tong cong(?! ty(?: |$))(?: .*)?|(?:cong|tong)(?: (?:thon|xom|ban|khu|khu pho|to|to dan pho|tdp|nhom|doi|lang|khoi|toan|chung|[ivx]+|\d+)(?: .*)?)?)$/;
