import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportCsv, exportJson, importCatalog, parseCatalogCsv, parseCatalogJson, type ImportResult } from '../../../server/procedures/import';
import { CSV_COLUMNS, type CsvColumn } from '../../../server/procedures/csv-format';
import type { Procedure } from '../../../protocol/procedure';
import { makeProcedure } from './fixtures';

const khaiSinh = makeProcedure({
  id: 'proc-dang-ky-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', copies: '01 bản chính' },
    { name: 'Giấy chứng sinh', copies: '01 bản chính', note: 'Không có thì nộp văn bản của người làm chứng' },
  ],
  online: 'full',
  onlineUrl: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193',
  keywords: ['giấy khai sinh'],
});
const chungThuc = makeProcedure({
  id: 'proc-chung-thuc-ban-sao',
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính',
  field: 'Chứng thực',
  fees: '2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản.',
  timeLimit: 'Ngay trong ngày tiếp nhận hồ sơ;\ntrường hợp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.',
  serviceId: null,
});

function okRecords(result: ImportResult): Procedure[] {
  if ('errors' in result) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.ok;
}

function errorsOf(result: ImportResult) {
  expect(result).not.toHaveProperty('ok');
  return 'errors' in result ? result.errors : [];
}

/** The fixture's cells, written by hand in the documented layout (not via exportCsv). */
const khaiSinhCells: Record<CsvColumn, string> = {
  id: khaiSinh.id,
  code: khaiSinh.code,
  name: khaiSinh.name,
  field: khaiSinh.field,
  level: khaiSinh.level,
  agency: khaiSinh.agency,
  online: khaiSinh.online,
  onlineUrl: khaiSinh.onlineUrl ?? '',
  serviceId: khaiSinh.serviceId ?? '',
  timeLimit: khaiSinh.timeLimit,
  fees: khaiSinh.fees,
  result: khaiSinh.result,
  conditions: khaiSinh.conditions,
  submissionMethods: khaiSinh.submissionMethods.join('\n'),
  steps: khaiSinh.steps.join('\n'),
  documents: 'Tờ khai đăng ký khai sinh theo mẫu [01 bản chính]\nGiấy chứng sinh [01 bản chính] — Không có thì nộp văn bản của người làm chứng',
  legalBasis: khaiSinh.legalBasis.join('\n'),
  keywords: 'giấy khai sinh',
};

/** A CSV file: header plus one row per override map applied to the fixture's cells. */
function csvOf(rows: Partial<Record<CsvColumn, string>>[], delimiter = ','): string {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const lines = rows.map((overrides) => CSV_COLUMNS.map((c) => quote(overrides[c] ?? khaiSinhCells[c])).join(delimiter));
  return [CSV_COLUMNS.join(delimiter), ...lines].join('\r\n');
}

describe('JSON import', () => {
  it('accepts a valid catalog', () => {
    expect(okRecords(parseCatalogJson(JSON.stringify([khaiSinh, chungThuc])))).toEqual([khaiSinh, chungThuc]);
  });

  it('normalizes text to NFC and trims it', () => {
    const nfd = { ...khaiSinh, name: '  Đăng ký khai sinh '.normalize('NFD') };
    const [record] = okRecords(parseCatalogJson(JSON.stringify([nfd])));
    expect(record.name).toBe('Đăng ký khai sinh');
    expect(record.name.normalize('NFC')).toBe(record.name);
  });

  it('rejects the whole catalog with Vietnamese errors naming the row and field', () => {
    const bad = [
      khaiSinh,
      { ...chungThuc, code: '2000815', name: '   ', level: 'district' },
      { ...chungThuc, id: 'proc-khac', code: '2.000816', documents: [{ name: 'Bản chính', copies: '' }], extra: 1 },
    ];
    const errors = errorsOf(parseCatalogJson(JSON.stringify(bad)));
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 2, field: 'code', message: 'Mã thủ tục: phải có dạng như "1.001193".' },
        { row: 2, field: 'name', message: 'Tên thủ tục: không được để trống.' },
        { row: 2, field: 'level', message: 'Cấp thực hiện: phải là một trong các giá trị: commune, province.' },
        {
          row: 3,
          field: 'documents',
          message: 'Thành phần hồ sơ, mục 1, số lượng bản: không được để trống, xuống dòng hay chứa dấu ngoặc vuông [ ].',
        },
        { row: 3, field: 'extra', message: 'Trường "extra": không có trong mẫu thủ tục, hãy xóa hoặc sửa tên.' },
      ]),
    );
    expect(errors.every((e) => e.row !== 1)).toBe(true);
  });

  it('reports missing fields and wrong types in one sentence each', () => {
    const { agency: _agency, ...withoutAgency } = khaiSinh;
    const errors = errorsOf(parseCatalogJson(JSON.stringify([{ ...withoutAgency, serviceId: 5, steps: [] }])));
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 1, field: 'agency', message: 'Cơ quan thực hiện: thiếu thông tin bắt buộc.' },
        { row: 1, field: 'steps', message: 'Trình tự thực hiện: phải có ít nhất 1 mục.' },
        { row: 1, field: 'serviceId', message: 'Dịch vụ xếp hàng: phải là chuỗi ký tự hoặc null (để trống).' },
      ]),
    );
  });

  it('rejects duplicate ids and codes, pointing at the first occurrence', () => {
    const errors = errorsOf(parseCatalogJson(JSON.stringify([khaiSinh, { ...chungThuc, id: khaiSinh.id, code: khaiSinh.code }])));
    expect(errors).toEqual([
      { row: 2, field: 'id', message: 'Mã định danh: "proc-dang-ky-khai-sinh" trùng với dòng 1.' },
      { row: 2, field: 'code', message: 'Mã thủ tục: "1.001193" trùng với dòng 1.' },
    ]);
  });

  it('explains a file that is not a JSON array', () => {
    expect(errorsOf(parseCatalogJson('{ "id": 1 }'))).toEqual([
      { row: 0, field: '', message: 'Tệp JSON phải là một danh sách (mảng) các thủ tục.' },
    ]);
    expect(errorsOf(parseCatalogJson('[{'))[0].message).toMatch(/^Tệp JSON không đúng cú pháp/);
  });
});

describe('CSV import', () => {
  it('reads one procedure per row with list cells split by line', () => {
    const [record] = okRecords(parseCatalogCsv(csvOf([{}])));
    expect(record).toEqual(khaiSinh);
  });

  it('accepts a semicolon-separated file as saved by a Vietnamese-locale spreadsheet', () => {
    expect(okRecords(parseCatalogCsv(csvOf([{}], ';')))).toEqual([khaiSinh]);
  });

  it('treats empty onlineUrl, serviceId and keywords cells as none', () => {
    const [record] = okRecords(parseCatalogCsv(csvOf([{ online: 'none', onlineUrl: '', serviceId: '', keywords: '' }])));
    expect(record.onlineUrl).toBeNull();
    expect(record.serviceId).toBeNull();
    expect(record).not.toHaveProperty('keywords');
  });

  it('numbers rows as a spreadsheet does: header is row 1', () => {
    const errors = errorsOf(
      parseCatalogCsv(
        csvOf([
          {},
          { id: 'proc-hai', code: '1.000002', documents: 'Tờ khai theo mẫu [01 bản chính]\nGiấy chứng sinh' },
          { id: 'Proc Ba', code: '1.000003', online: 'mot phan' },
        ]),
      ),
    );
    expect(errors).toEqual([
      {
        row: 3,
        field: 'documents',
        message: 'Thành phần hồ sơ, mục 2 ("Giấy chứng sinh"): phải ghi theo dạng "Tên giấy tờ [01 bản chính]", có thể thêm " — ghi chú".',
      },
      {
        row: 4,
        field: 'id',
        message: 'Mã định danh: phải bắt đầu bằng "proc-" và chỉ gồm chữ thường không dấu, chữ số, dấu gạch ngang (ví dụ "proc-dang-ky-khai-sinh").',
      },
      { row: 4, field: 'online', message: 'Mức độ trực tuyến: phải là một trong các giá trị: full, partial, none.' },
    ]);
  });

  it('rejects unknown and missing columns before reading rows', () => {
    const csv = csvOf([{}]).replace('fees,', 'phi,');
    expect(errorsOf(parseCatalogCsv(csv))).toEqual([
      { row: 1, field: 'phi', message: 'Cột "phi" không có trong mẫu thủ tục.' },
      { row: 1, field: 'fees', message: 'Thiếu cột "fees" (Phí, lệ phí).' },
    ]);
  });

  it('rejects a row with the wrong number of cells and a broken quote', () => {
    const header = CSV_COLUMNS.join(',');
    expect(errorsOf(parseCatalogCsv(`${header}\r\na,b,c\r\n`))).toEqual([
      { row: 2, field: '', message: `Dòng có 3 ô, trong khi dòng tiêu đề có ${CSV_COLUMNS.length} cột.` },
    ]);
    expect(errorsOf(parseCatalogCsv(`${header}\r\n"abc,d\r\n`))[0]).toMatchObject({ row: 0, field: '' });
  });

  it('accepts a file without the optional keywords column', () => {
    const full = csvOf([{}]);
    const [header, row] = full.split('\r\n');
    const dropLast = (line: string) => line.slice(0, line.lastIndexOf(','));
    const [record] = okRecords(parseCatalogCsv(`${dropLast(header)}\r\n${dropLast(row)}`));
    expect(record).not.toHaveProperty('keywords');
  });
});

describe('export → import round trip', () => {
  it('round-trips the fixtures through CSV and JSON', () => {
    const records = [khaiSinh, chungThuc];
    expect(okRecords(importCatalog(exportCsv(records), 'csv'))).toEqual(records);
    expect(okRecords(importCatalog(exportJson(records), 'json'))).toEqual(records);
  });

  it('writes a BOM so spreadsheets read the file as UTF-8', () => {
    expect(exportCsv([khaiSinh]).startsWith('\uFEFFid,code,name,')).toBe(true);
  });

  it('round-trips any valid record, awkward characters included', () => {
    const alphabet = 'aĐđăêôơưếỗ ,;"\'—–-()/.:0123456789'.split('');
    const line = fc
      .string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const text = fc
      .array(line, { minLength: 1, maxLength: 3 })
      .map((lines) => lines.join('\n'));
    const documentArb = fc.record({ name: line, copies: line, note: fc.option(line, { nil: undefined }) }).map((d) =>
      d.note === undefined ? { name: d.name, copies: d.copies } : d,
    );
    const recordArb = fc
      .record({
        name: line,
        field: line,
        agency: line,
        steps: fc.array(line, { minLength: 1, maxLength: 4 }),
        submissionMethods: fc.array(line, { minLength: 1, maxLength: 3 }),
        documents: fc.array(documentArb, { maxLength: 4 }),
        timeLimit: text,
        fees: text,
        legalBasis: fc.array(line, { minLength: 1, maxLength: 3 }),
        result: text,
        conditions: fc.oneof(fc.constant(''), text),
        online: fc.constantFrom('full' as const, 'partial' as const, 'none' as const),
        serviceId: fc.option(fc.constantFrom('svc-hotich', 'svc-cutru'), { nil: null }),
        keywords: fc.option(fc.array(line, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      })
      .map(({ keywords, ...rest }): Procedure => {
        const record: Procedure = { id: 'proc-x', code: '1.000001', level: 'commune', onlineUrl: null, ...rest };
        if (keywords) record.keywords = keywords;
        return record;
      });

    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 4 }), (drafts) => {
        const records = drafts.map((r, i) => ({ ...r, id: `proc-x-${i}`, code: `1.${String(i).padStart(6, '0')}` }));
        expect(okRecords(parseCatalogCsv(exportCsv(records)))).toEqual(records);
        expect(okRecords(parseCatalogJson(exportJson(records)))).toEqual(records);
      }),
      { numRuns: 150 },
    );
  });
});
