/**
 * Turns TypeBox validation errors into one Vietnamese sentence per problem, named
 * with the national database's own labels, because the person importing a
 * catalog is center staff with a spreadsheet, not a developer reading JSON pointers.
 */
import { Value } from 'typebox/value';
import { ProcedureSchema } from '../../protocol/procedure';

export interface FieldProblem {
  /** Top-level property (= CSV column) the problem is in; '' for the record as a whole. */
  field: string;
  message: string;
}

/** The parts of a TypeBox error we read; structural so a TypeBox minor version cannot break it. */
interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

export const FIELD_LABELS: Record<string, string> = {
  id: 'Mã định danh',
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  agency: 'Cơ quan thực hiện',
  steps: 'Trình tự thực hiện',
  submissionMethods: 'Cách thức thực hiện',
  documents: 'Thành phần hồ sơ',
  timeLimit: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  legalBasis: 'Căn cứ pháp lý',
  result: 'Kết quả thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  online: 'Mức độ trực tuyến',
  onlineUrl: 'Đường dẫn dịch vụ công trực tuyến',
  serviceId: 'Dịch vụ xếp hàng',
  keywords: 'Từ khóa',
};

const DOCUMENT_LABELS: Record<string, string> = { name: 'tên giấy tờ', copies: 'số lượng bản', note: 'ghi chú' };

const PATTERN_PROBLEMS: Record<string, string> = {
  id: 'phải bắt đầu bằng "proc-" và chỉ gồm chữ thường không dấu, chữ số, dấu gạch ngang (ví dụ "proc-dang-ky-khai-sinh")',
  code: 'phải có dạng như "1.001193"',
  onlineUrl: 'phải là địa chỉ bắt đầu bằng http:// hoặc https://',
  serviceId: 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ "svc-hotich")',
  documentPart: 'không được để trống, xuống dòng hay chứa dấu ngoặc vuông [ ]',
  listItem: 'không được để trống hoặc xuống dòng',
  text: 'không được để trống',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  array: 'danh sách',
  object: 'một bản ghi (đối tượng)',
  null: 'null (để trống)',
  number: 'số',
  boolean: 'đúng/sai',
};

/** Every problem of one candidate record against ProcedureSchema, one per path. */
export function schemaProblems(candidate: unknown): FieldProblem[] {
  if (Value.Check(ProcedureSchema, candidate)) return [];
  return describeSchemaErrors(Value.Errors(ProcedureSchema, candidate) as SchemaError[]);
}

export function describeSchemaErrors(errors: readonly SchemaError[]): FieldProblem[] {
  const byPath = new Map<string, SchemaError[]>();
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'required') {
      for (const missing of (error.params.requiredProperties as string[] | undefined) ?? []) {
        problems.push(problem(`${error.instancePath}/${missing}`, 'thiếu thông tin bắt buộc'));
      }
    } else if (error.keyword === 'additionalProperties') {
      for (const extra of (error.params.additionalProperties as string[] | undefined) ?? []) {
        problems.push(problem(`${error.instancePath}/${extra}`, 'không có trong mẫu thủ tục, hãy xóa hoặc sửa tên'));
      }
    } else if (error.keyword !== 'anyOf' && error.keyword !== 'boolean') {
      // anyOf and boolean only repeat what their branch errors (or additionalProperties) already say.
      const group = byPath.get(error.instancePath) ?? [];
      group.push(error);
      byPath.set(error.instancePath, group);
    }
  }
  for (const [path, group] of byPath) {
    // A nullable field reports a type error per branch: say both allowed types in one sentence.
    const specific = group.find((e) => e.keyword !== 'type');
    const message = specific
      ? explain(specific)
      : `phải là ${group.map((e) => TYPE_NAMES[String(e.params.type)] ?? String(e.params.type)).join(' hoặc ')}`;
    problems.push(problem(path, message));
  }
  return problems;
}

function explain(error: SchemaError): string {
  switch (error.keyword) {
    case 'pattern':
      return PATTERN_PROBLEMS[patternKind(error.instancePath)];
    case 'enum':
      return `phải là một trong các giá trị: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'minItems':
      return `phải có ít nhất ${String(error.params.limit)} mục`;
    default:
      return `không hợp lệ (${error.message})`;
  }
}

function patternKind(instancePath: string): string {
  const segments = instancePath.split('/').slice(1);
  const [top] = segments;
  if (top === 'documents') return segments[2] === 'note' ? 'listItem' : 'documentPart';
  if (segments.length > 1) return 'listItem';
  return top in PATTERN_PROBLEMS ? top : 'text';
}

function problem(instancePath: string, what: string): FieldProblem {
  const segments = instancePath.split('/').slice(1);
  const field = segments[0] ?? '';
  const labels = segments.map((segment, i) => {
    if (/^\d+$/.test(segment)) return `mục ${Number(segment) + 1}`;
    if (i === 0) return FIELD_LABELS[segment] ?? `Trường "${segment}"`;
    return DOCUMENT_LABELS[segment] ?? segment;
  });
  const where = labels.length > 0 ? labels.join(', ') : 'Bản ghi';
  return { field, message: `${where}: ${what}.` };
}
