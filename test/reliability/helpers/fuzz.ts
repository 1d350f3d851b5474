/**
 * Generators of hostile input for the fuzz suites, and the routes they aim at, read from
 * the live OpenAPI document so routes added later are fuzzed without editing this file.
 */
import fc from 'fast-check';

/** Characters that break naive code: lone surrogates, NUL, bidi overrides, combining marks, BOM. */
const ODD_UNITS = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u200F', '\u202E', '\u2066', '\u0301', '\u0323', '\uFEFF', '\u00A0', '\u0110', 'ư', '\u{1F600}', '\r\n', '"', '\\', '%', '/', '..', '\''];

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_UNITS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** Short hostile strings, sometimes a plausible id, sometimes a long run. */
export const weirdString = (known: string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit, maxLength: 40 }) },
    { weight: known.length ? 3 : 0, arbitrary: fc.constantFrom(...(known.length ? known : [''])) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '0', '-1', 'null', 'undefined', '__proto__', 'constructor', "' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '2026-02-30', '9999-99-99') },
    { weight: 1, arbitrary: fc.tuple(unit, fc.integer({ min: 65, max: 70_000 })).map(([u, n]) => u.repeat(n)) },
  );

/** Any JSON value, with hostile strings at the leaves. */
export const hostileJson = (known: string[] = []): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      weirdString(known),
      fc.integer(),
      fc.constantFrom(0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(weirdString(), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

export interface OpenApiOperation {
  method: string;
  /** OpenAPI path with {params}. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON body schema, if any. */
  bodyProps: Record<string, { type?: string; enum?: unknown[] }>;
  hasBody: boolean;
  /** Top-level required properties of the 2xx JSON answer, when declared. */
  okShape: { status: string; type?: string; required: string[] } | null;
}

type Json = Record<string, any>;

/** Flatten allOf (TypeBox intersections) into one property/required set. */
function flatten(schema: Json | undefined): { type?: string; properties: Json; required: string[] } {
  if (!schema) return { properties: {}, required: [] };
  const parts = schema.allOf ? schema.allOf.map(flatten) : [];
  return {
    type: schema.type ?? (parts.length ? 'object' : undefined),
    properties: Object.assign({}, ...parts.map((p: Json) => p.properties), schema.properties ?? {}),
    required: [...parts.flatMap((p: Json) => p.required), ...(schema.required ?? [])],
  };
}

export function operations(doc: Json): OpenApiOperation[] {
  const out: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      const body = op.requestBody?.content?.['application/json']?.schema;
      const okStatus = Object.keys(op.responses ?? {}).find((s) => s.startsWith('2'));
      const okSchema = okStatus ? op.responses[okStatus]?.content?.['application/json']?.schema : undefined;
      const flat = flatten(okSchema);
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: flatten(body).properties,
        hasBody: body !== undefined,
        okShape: okStatus && okSchema ? { status: okStatus, type: flat.type, required: flat.required } : null,
      });
    }
  }
  return out;
}

/**
 * Percent-encode anything, including what encodeURIComponent refuses (lone surrogates):
 * those become the raw, invalid UTF-8 bytes a hostile client could send.
 */
export function encodeAny(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        const c = ch.charCodeAt(0);
        return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
      }
    }).join('');
  }
}

/** Header values a client can put on the wire (visible ASCII, space, tab, Latin-1). */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom('', 'en', 'vi', 'vi-VN,vi;q=0.9,en;q=0.8', '*', 'xx;q=abc', 'en'.repeat(2_000)),
);
