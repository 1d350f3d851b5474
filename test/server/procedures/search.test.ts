import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../server/procedures/search';
import { foldVietnamese, tokenize } from '../../../protocol/text';
import type { Procedure } from '../../../protocol/procedure';
import { makeProcedure } from './fixtures';

const catalog: Procedure[] = [
  makeProcedure({ id: 'proc-khai-sinh', code: '1.001193', name: 'Đăng ký khai sinh', documents: [{ name: 'Giấy chứng sinh', copies: '01 bản chính' }] }),
  makeProcedure({ id: 'proc-khai-sinh-luu-dong', code: '1.003583', name: 'Đăng ký khai sinh lưu động' }),
  makeProcedure({ id: 'proc-lien-thong', code: '1.010804', name: 'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế' }),
  makeProcedure({ id: 'proc-lai-khai-sinh', code: '1.004884', name: 'Đăng ký lại khai sinh' }),
  makeProcedure({ id: 'proc-ket-hon', code: '1.000894', name: 'Đăng ký kết hôn', keywords: ['lấy vợ', 'lấy chồng'] }),
  makeProcedure({
    id: 'proc-trich-luc',
    code: '2.000635',
    name: 'Cấp bản sao trích lục hộ tịch',
    documents: [{ name: 'Bản sao Giấy khai sinh', copies: '01 bản sao' }],
  }),
  makeProcedure({
    id: 'proc-ban-sao',
    code: '2.000815',
    name: 'Chứng thực bản sao từ bản chính',
    field: 'Chứng thực',
    serviceId: 'svc-chungthuc',
    keywords: ['công chứng', 'sao y'],
  }),
  makeProcedure({
    id: 'proc-chu-ky',
    code: '2.000884',
    name: 'Chứng thực chữ ký',
    field: 'Chứng thực',
    serviceId: 'svc-chungthuc',
    steps: ['Không cần công chứng tại văn phòng công chứng.'],
  }),
  makeProcedure({
    id: 'proc-thuong-tru',
    code: '1.004194',
    name: 'Đăng ký thường trú',
    field: 'Cư trú',
    serviceId: 'svc-cutru',
    documents: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', copies: '01 bản sao' }],
  }),
];
const index = buildSearchIndex(catalog);
const ids = (query: string, options = {}) => index.search(query, options).hits.map((h) => h.id);

describe('procedure search ranking', () => {
  it('puts the procedure named exactly like the query first', () => {
    expect(ids('dang ky khai sinh')[0]).toBe('proc-khai-sinh');
  });

  it('ignores case, diacritics and Unicode form', () => {
    const expected = ids('dang ky khai sinh');
    expect(ids('ĐĂNG KÝ KHAI SINH')).toEqual(expected);
    expect(ids('Đăng ký khai sinh'.normalize('NFD'))).toEqual(expected);
    expect(ids('  dang   ky, khai sinh ')).toEqual(expected);
  });

  it('ranks the phrase above the same words scattered in the name', () => {
    const result = ids('dang ky khai sinh');
    expect(result.slice(0, 3)).toEqual(['proc-khai-sinh', 'proc-khai-sinh-luu-dong', 'proc-lien-thong']);
    expect(result[3]).toBe('proc-lai-khai-sinh');
  });

  it('ranks a match only in a document name below every name match', () => {
    const hits = index.search('khai sinh').hits;
    expect(hits.map((h) => h.id)).toHaveLength(5);
    expect(hits[0].id).toBe('proc-khai-sinh');
    // The shorter name covers more of the query, so it comes first.
    expect(hits.slice(1, 4).map((h) => h.id)).toEqual(['proc-lai-khai-sinh', 'proc-khai-sinh-luu-dong', 'proc-lien-thong']);
    expect(hits[4].id).toBe('proc-trich-luc');
    expect(hits.at(-1)!.match).toEqual({ part: 'documents', text: 'Bản sao Giấy khai sinh' });
    expect(hits[0].match).toEqual({ part: 'name', text: 'Đăng ký khai sinh' });
  });

  it('ranks keywords above steps', () => {
    const hits = index.search('cong chung').hits;
    expect(hits.map((h) => [h.id, h.match?.part])).toEqual([
      ['proc-ban-sao', 'keywords'],
      ['proc-chu-ky', 'steps'],
    ]);
    expect(hits[0].match?.text).toBe('công chứng');
  });

  it('finds a document-only match with its text for highlighting', () => {
    const [hit, ...rest] = index.search('cho o hop phap').hits;
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ id: 'proc-thuong-tru', match: { part: 'documents', text: 'Giấy tờ chứng minh chỗ ở hợp pháp' } });
  });

  it('lets the last word be a prefix, but not the earlier ones', () => {
    expect(ids('khai si')).toContain('proc-khai-sinh');
    expect(ids('dang ky khai s')[0]).toBe('proc-khai-sinh');
    expect(ids('kha sinh')).toEqual([]);
  });

  it('requires every word to match somewhere', () => {
    expect(ids('khai sinh ket hon')).toEqual([]);
  });

  it('finds by national code, whole or started', () => {
    expect(index.search('1.001193').hits.map((h) => [h.id, h.match?.part])).toEqual([['proc-khai-sinh', 'code']]);
    expect(ids('1.0011')).toEqual(['proc-khai-sinh']);
  });

  it('filters by field, compared folded', () => {
    expect(ids('', { field: 'Chứng thực' })).toEqual(['proc-ban-sao', 'proc-chu-ky']);
    expect(ids('dang ky', { field: 'cu tru' })).toEqual(['proc-thuong-tru']);
    expect(ids('dang ky', { field: 'Không có' })).toEqual([]);
  });

  it('lists everything in Vietnamese alphabetical order for an empty query', () => {
    for (const query of ['', '   ', ' , - ']) {
      const { total, hits } = index.search(query);
      expect(total).toBe(catalog.length);
      expect(hits.every((h) => h.score === 0 && h.match === null)).toBe(true);
      // "Đ" sorts after every "C…" and before "L…" in Vietnamese.
      expect(hits.map((h) => h.name)).toEqual([
        'Cấp bản sao trích lục hộ tịch',
        'Chứng thực bản sao từ bản chính',
        'Chứng thực chữ ký',
        'Đăng ký kết hôn',
        'Đăng ký khai sinh',
        'Đăng ký khai sinh lưu động',
        'Đăng ký lại khai sinh',
        'Đăng ký thường trú',
        'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế',
      ]);
    }
  });

  it('pages with limit and offset and reports the total', () => {
    const all = ids('dang ky', { limit: 100 });
    const { total, hits } = index.search('dang ky', { limit: 2, offset: 2 });
    expect(total).toBe(all.length);
    expect(hits.map((h) => h.id)).toEqual(all.slice(2, 4));
    expect(index.search('dang ky', { limit: 0 }).hits).toEqual([]);
  });

  it('returns summaries, not whole records', () => {
    const [hit] = index.search('ket hon').hits;
    expect(Object.keys(hit).sort()).toEqual(['code', 'field', 'id', 'level', 'match', 'name', 'online', 'score', 'serviceId']);
    expect(index.get('proc-ket-hon')?.keywords).toEqual(['lấy vợ', 'lấy chồng']);
    expect(index.get('proc-khong-co')).toBeUndefined();
  });

  it('lists fields with counts', () => {
    expect(index.listFields()).toEqual([
      { field: 'Chứng thực', count: 2 },
      { field: 'Cư trú', count: 1 },
      { field: 'Hộ tịch', count: 6 },
    ]);
  });
});

describe('procedure search over a large synthetic catalog', () => {
  const syllables = ['đăng', 'ký', 'khai', 'sinh', 'kết', 'hôn', 'chứng', 'thực', 'đất', 'đai', 'xây', 'dựng', 'hộ', 'tịch', 'cư', 'trú', 'bảo', 'trợ', 'thẻ', 'giấy', 'sổ', 'đỏ', 'cấp', 'lại', 'đổi', 'tạm', 'vắng', 'mai', 'táng', 'xã'];
  const fields = ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Xây dựng', 'Cư trú', 'Bảo trợ xã hội', 'Đăng ký kinh doanh hộ', 'Bảo hiểm xã hội, bảo hiểm y tế'];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const phrase = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(syllables)).join(' ');

  const records = Array.from({ length: 5000 }, (_, i) =>
    makeProcedure({
      id: `proc-synthetic-${i}`,
      code: `9.${String(i).padStart(6, '0')}`,
      name: phrase(2, 6),
      field: pick(fields),
      keywords: random() < 0.5 ? [phrase(1, 3)] : undefined,
      documents: [{ name: phrase(2, 5), copies: '01 bản chính' }],
      steps: [phrase(3, 8)],
    }),
  );
  const big = buildSearchIndex(records);

  /** Straightforward reference: scan every record, no index. */
  function referenceTier(p: Procedure, query: string): number {
    const words = tokenize(foldVietnamese(query));
    const last = words[words.length - 1];
    const matches = (token: string, word: string) => (word === last ? token.startsWith(word) : token === word);
    const tokensOf = (texts: string[]) => texts.flatMap((t) => tokenize(foldVietnamese(t)));
    const name = tokensOf([p.name]);
    const meta = tokensOf([p.code, p.field, ...(p.keywords ?? [])]);
    const body = tokensOf([...p.documents.map((d) => d.name), ...p.steps]);
    const allIn = (tokens: string[]) => words.every((w) => tokens.some((t) => matches(t, w)));
    if (allIn(name)) return ` ${name.join(' ')}`.includes(` ${words.join(' ')}`) ? 4 : 3;
    if (allIn([...name, ...meta])) return 2;
    if (allIn([...name, ...meta, ...body])) return 1;
    return 0;
  }

  const queries = ['dang ky', 'khai sinh', 'so do', 'giay chung', 'the bao tro', 'tam va', 'đất đai xã', 'cap lai the', 'ho tich', 'x', '9.0012', 'mai tang ket hon dat'];

  it.each(queries)('returns exactly the matching records for %j, strongest tier first', (query) => {
    const expected = records.filter((p) => referenceTier(p, query) > 0).map((p) => p.id);
    const { total, hits } = big.search(query, { limit: records.length });
    expect(total).toBe(expected.length);
    expect(hits.map((h) => h.id).sort()).toEqual([...expected].sort());
    const tiers = hits.map((h) => referenceTier(big.get(h.id)!, query));
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    expect(hits.every((h) => Math.floor(h.score / 1000) === referenceTier(big.get(h.id)!, query))).toBe(true);
  });

  it('orders equal scores by name', () => {
    const { hits } = big.search('dang', { limit: records.length });
    const collator = new Intl.Collator('vi');
    for (let i = 1; i < hits.length; i++) {
      if (hits[i].score === hits[i - 1].score) expect(collator.compare(hits[i - 1].name, hits[i].name)).toBeLessThanOrEqual(0);
    }
  });

  it('combines the field filter with paging', () => {
    const all = big.search('dang', { field: 'Đất đai', limit: records.length });
    expect(all.hits.every((h) => h.field === 'Đất đai')).toBe(true);
    expect(big.search('dang', { field: 'dat dai', limit: 10, offset: 10 }).hits).toEqual(all.hits.slice(10, 20));
    expect(big.listFields().reduce((sum, f) => sum + f.count, 0)).toBe(records.length);
  });
});
