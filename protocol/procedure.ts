/**
 * Administrative procedure records, shaped like the national procedure database
 * (Cơ sở dữ liệu quốc gia về thủ tục hành chính) so a center can import its
 * published list with little reshaping. Browser-safe: the kiosk shows these.
 *
 * Codes are the national codes ("1.001193"); `id` is our own stable slug
 * ("proc-dang-ky-khai-sinh") because one code can be re-issued with a new
 * version while kiosk links and statistics must keep pointing at the same record.
 */
import { Type, type Static } from 'typebox';

/**
 * Level of government that decides the procedure. Since 1 July 2025 local
 * government has two levels, so there is no district value. Stored in English;
 * pages show PROCEDURE_LEVEL_LABELS.
 */
export type ProcedureLevel = 'commune' | 'province';

/**
 * How far the procedure can be done online, in the national portal's terms:
 * full = "toàn trình" (submit, pay and receive online), partial = "một phần".
 */
export type OnlineLevel = 'full' | 'partial' | 'none';

/** One dossier component (thành phần hồ sơ). */
export interface ProcedureDocument {
  name: string;
  /** As the database writes it, e.g. "01 bản chính", "01 bản sao hoặc bản chụp kèm bản chính để đối chiếu". */
  copies: string;
  note?: string;
}

export interface Procedure {
  id: string;
  code: string;
  name: string;
  /** Lĩnh vực, e.g. "Hộ tịch". */
  field: string;
  level: ProcedureLevel;
  /** Cơ quan thực hiện. */
  agency: string;
  /** Trình tự thực hiện, one step per item. */
  steps: string[];
  /** Cách thức thực hiện (trực tiếp, bưu chính, trực tuyến…). */
  submissionMethods: string[];
  documents: ProcedureDocument[];
  timeLimit: string;
  /** Phí, lệ phí as free text: amounts depend on province resolutions. */
  fees: string;
  legalBasis: string[];
  /** Kết quả thực hiện. */
  result: string;
  /** Yêu cầu, điều kiện; "Không" when there are none. */
  conditions: string;
  online: OnlineLevel;
  onlineUrl: string | null;
  /** Queue service to take a ticket for, or null when the center has no matching counter. */
  serviceId: string | null;
  /** Extra search words people use ("giấy khai sinh", "làm sổ đỏ"). */
  keywords?: string[];
}

/** What lists and search results carry; the kiosk fetches the full record on demand. */
export type ProcedureSummary = Pick<Procedure, 'id' | 'code' | 'name' | 'field' | 'level' | 'online' | 'serviceId'>;

export function toSummary(p: Procedure): ProcedureSummary {
  return { id: p.id, code: p.code, name: p.name, field: p.field, level: p.level, online: p.online, serviceId: p.serviceId };
}

export const PROCEDURE_LEVEL_LABELS: Record<ProcedureLevel, { vi: string; en: string }> = {
  commune: { vi: 'Cấp xã', en: 'Commune' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
};

export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, { vi: string; en: string }> = {
  full: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online' },
  partial: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Chỉ nộp trực tiếp hoặc qua bưu chính', en: 'In person or by post only' },
};

// --- Import validation -------------------------------------------------------
// Patterns rather than bare types so an imported spreadsheet with blank cells or
// stray line breaks is rejected at import, not discovered on the kiosk screen.

/** At least one visible character. */
const NonBlank = Type.String({ pattern: '\\S' });
/** One line with visible text: list items are one line each in CSV cells. */
const ListItem = Type.String({ pattern: '^[^\\r\\n]*\\S[^\\r\\n]*$' });
/** A document name or copy count: one line, no square brackets (CSV writes "name [copies]"). */
const DocumentPart = Type.String({ pattern: '^[^\\r\\n\\[\\]]*[^\\s\\[\\]][^\\r\\n\\[\\]]*$' });
const Slug = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const ProcedureDocumentSchema = Type.Object(
  {
    name: DocumentPart,
    copies: DocumentPart,
    note: Type.Optional(ListItem),
  },
  { additionalProperties: false },
);

export const ProcedureSchema = Type.Object(
  {
    id: Type.String({ pattern: `^proc-${Slug}$` }),
    code: Type.String({ pattern: '^[0-9]+\\.[0-9]{6}$' }),
    name: NonBlank,
    field: NonBlank,
    level: Type.Enum(['commune', 'province']),
    agency: NonBlank,
    steps: Type.Array(ListItem, { minItems: 1 }),
    submissionMethods: Type.Array(ListItem, { minItems: 1 }),
    documents: Type.Array(ProcedureDocumentSchema),
    timeLimit: NonBlank,
    fees: NonBlank,
    legalBasis: Type.Array(ListItem, { minItems: 1 }),
    result: NonBlank,
    conditions: Type.String(),
    online: Type.Enum(['full', 'partial', 'none']),
    onlineUrl: Type.Union([Type.String({ pattern: '^https?://\\S+$' }), Type.Null()]),
    serviceId: Type.Union([Type.String({ pattern: `^${Slug}$` }), Type.Null()]),
    keywords: Type.Optional(Type.Array(ListItem)),
  },
  { additionalProperties: false },
);

// The interface above is the readable contract; these lines keep the schema honest to it.
type SchemaProcedure = Static<typeof ProcedureSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesInterface: Same<SchemaProcedure, Procedure> = true;
