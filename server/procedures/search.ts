/**
 * In-memory procedure search: built once from the catalog, rebuilt on import.
 * A center has at most a few thousand procedures, so an inverted index over
 * folded words answers in a few milliseconds even for 5,000 records on a
 * kiosk-class laptop (most queries touch only a few postings).
 *
 * Ranking (see README.md): tiers, then a bonus inside the tier, then name.
 *   4  the query as a phrase inside the name (the last word may be a prefix)
 *   3  every query word in the name, any order
 *   2  every word in name, code, keywords or field
 *   1  every word anywhere, including document names and steps
 * Words match whole folded words, except the last query word, which may be the
 * start of a word because it is usually still being typed ("khai si" → "khai sinh").
 * Prefix-matching every word would let "so do" find "sửa lỗi sai sót … hợp đồng".
 */
import { foldVietnamese, tokenize } from '../../protocol/text';
import { toSummary, type Procedure, type ProcedureSummary } from '../../protocol/procedure';

export type MatchPart = 'name' | 'code' | 'keywords' | 'field' | 'documents' | 'steps';

export interface SearchHit extends ProcedureSummary {
  score: number;
  /** The part that made this a hit and its original text, for highlighting; null for an empty query. */
  match: { part: MatchPart; text: string } | null;
}

export interface SearchOptions {
  /** Only this field (lĩnh vực); compared folded, so "ho tich" selects "Hộ tịch". */
  field?: string;
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface ProcedureSearchIndex {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchResult;
  listFields(): FieldCount[];
  get(id: string): Procedure | undefined;
}

export const DEFAULT_SEARCH_LIMIT = 50;

const NAME = 3;
const META = 2;
const BODY = 1;
const TIER_WEIGHT = 1000;
const PHRASE_TIER = 4;

/** Vietnamese alphabetical order (a ă â b c d đ …), the order people expect in lists. */
const collator = new Intl.Collator('vi');

interface Entry {
  record: Procedure;
  nameTokens: string[];
  /** Name tokens joined with single spaces and a leading space, for phrase tests. */
  namePhrase: string;
  foldedField: string;
  /** Position in name order (ties by code, id), computed once so ranking compares integers. */
  nameRank: number;
}

/** A folded query word; only the last may match as a prefix. */
interface QueryWord {
  text: string;
  prefix: boolean;
}

interface Candidate {
  entry: number;
  /** Lowest, over query words, of the best level each word reached. */
  tier: number;
  wordsInName: number;
}

export function buildSearchIndex(records: readonly Procedure[]): ProcedureSearchIndex {
  const entries: Entry[] = [];
  /** word → (entry → best level the word occurs at in that entry) */
  const postings = new Map<string, Map<number, number>>();

  const add = (entry: number, text: string, level: number) => {
    for (const word of tokenize(foldVietnamese(text))) {
      let perEntry = postings.get(word);
      if (!perEntry) postings.set(word, (perEntry = new Map()));
      if ((perEntry.get(entry) ?? 0) < level) perEntry.set(entry, level);
    }
  };

  records.forEach((record, i) => {
    const nameTokens = tokenize(foldVietnamese(record.name));
    entries.push({
      record,
      nameTokens,
      namePhrase: ` ${nameTokens.join(' ')}`,
      foldedField: foldVietnamese(record.field),
      nameRank: 0,
    });
    add(i, record.name, NAME);
    add(i, record.code, META);
    add(i, record.field, META);
    for (const keyword of record.keywords ?? []) add(i, keyword, META);
    for (const document of record.documents) add(i, document.name, BODY);
    for (const step of record.steps) add(i, step, BODY);
  });

  [...entries].sort((a, b) => compareRecords(a.record, b.record)).forEach((entry, rank) => (entry.nameRank = rank));
  const vocabulary = [...postings.keys()].sort();
  const byId = new Map(records.map((r) => [r.id, r]));

  /** Best level per entry for one query word, over every indexed word it matches. */
  const levelsFor = (word: QueryWord): Map<number, number> => {
    if (!word.prefix) return postings.get(word.text) ?? new Map<number, number>();
    const levels = new Map<number, number>();
    for (let i = lowerBound(vocabulary, word.text); i < vocabulary.length && vocabulary[i].startsWith(word.text); i++) {
      for (const [entry, level] of postings.get(vocabulary[i])!) {
        if ((levels.get(entry) ?? 0) < level) levels.set(entry, level);
      }
    }
    return levels;
  };

  const search = (query: string, options: SearchOptions = {}): SearchResult => {
    const words = toQueryWords(tokenize(foldVietnamese(query)));
    const fieldFilter = options.field === undefined ? null : foldVietnamese(options.field);
    const inField = (e: Entry) => fieldFilter === null || e.foldedField === fieldFilter;

    let ranked: { entry: Entry; score: number; tier: number }[];
    if (words.length === 0) {
      ranked = entries.filter(inField).map((entry) => ({ entry, score: 0, tier: 0 }));
    } else {
      ranked = findCandidates(words, levelsFor)
        .filter((c) => inField(entries[c.entry]))
        .map((c) => scoreCandidate(entries[c.entry], c, words));
    }
    ranked.sort((a, b) => b.score - a.score || a.entry.nameRank - b.entry.nameRank);

    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
    const hits = ranked.slice(offset, offset + limit).map(({ entry, score, tier }) => ({
      ...toSummary(entry.record),
      score,
      match: words.length === 0 ? null : describeMatch(entry, tier, words),
    }));
    return { total: ranked.length, hits };
  };

  const listFields = (): FieldCount[] => {
    const counts = new Map<string, number>();
    for (const { record } of entries) counts.set(record.field, (counts.get(record.field) ?? 0) + 1);
    return [...counts].map(([field, count]) => ({ field, count })).sort((a, b) => collator.compare(a.field, b.field));
  };

  return { size: entries.length, search, listFields, get: (id) => byId.get(id) };
}

/** Entries where every query word occurs somewhere (AND), with the level each reached. */
function findCandidates(words: QueryWord[], levelsFor: (word: QueryWord) => Map<number, number>): Candidate[] {
  let current: Map<number, Candidate> | null = null;
  for (const word of words) {
    const levels = levelsFor(word);
    const next = new Map<number, Candidate>();
    for (const [entry, level] of levels) {
      const previous: Candidate | undefined = current ? current.get(entry) : { entry, tier: NAME, wordsInName: 0 };
      if (!previous) continue;
      next.set(entry, {
        entry,
        tier: Math.min(previous.tier, level),
        wordsInName: previous.wordsInName + (level === NAME ? 1 : 0),
      });
    }
    current = next;
    if (current.size === 0) break;
  }
  return current ? [...current.values()] : [];
}

/**
 * Tier times 1000 plus a bonus below 1000: whole-name and start-of-name phrase
 * matches first, then names the query covers more of (so "khai sinh" puts
 * "Đăng ký khai sinh" before "Đăng ký khai sinh lưu động"), then more words in the name.
 */
function scoreCandidate(entry: Entry, candidate: Candidate, words: QueryWord[]) {
  const phrase = ` ${words.map((w) => w.text).join(' ')}`;
  let tier = candidate.tier;
  let bonus = 0;
  if (tier === NAME && entry.namePhrase.includes(phrase)) {
    tier = PHRASE_TIER;
    if (entry.namePhrase === phrase) bonus += 500;
    else if (entry.namePhrase.startsWith(phrase)) bonus += 200;
  }
  const covered = entry.nameTokens.filter((t) => words.some((w) => wordMatches(w, t))).length;
  bonus += Math.round((100 * covered) / Math.max(1, entry.nameTokens.length));
  bonus += Math.min(150, 10 * candidate.wordsInName);
  return { entry, tier, score: tier * TIER_WEIGHT + Math.min(999, bonus) };
}

/** Which part to highlight: the weakest part a query word needed, with its original text. */
function describeMatch(entry: Entry, tier: number, words: QueryWord[]): SearchHit['match'] {
  const { record } = entry;
  if (tier >= NAME) return { part: 'name', text: record.name };
  const hasWord = (text: string) => {
    const tokens = tokenize(foldVietnamese(text));
    return words.some((w) => !entry.nameTokens.some((t) => wordMatches(w, t)) && tokens.some((t) => wordMatches(w, t)));
  };
  const parts: [MatchPart, string[]][] =
    tier === META
      ? [['code', [record.code]], ['keywords', record.keywords ?? []], ['field', [record.field]]]
      : [['documents', record.documents.map((d) => d.name)], ['steps', record.steps]];
  for (const [part, texts] of parts) {
    const text = texts.find(hasWord);
    if (text !== undefined) return { part, text };
  }
  return { part: 'name', text: record.name };
}

/** Typed order with repeats dropped ("khai sinh khai" is "khai sinh"); the last word typed may be a prefix. */
function toQueryWords(tokens: string[]): QueryWord[] {
  const last = tokens[tokens.length - 1];
  return [...new Set(tokens)].map((text) => ({ text, prefix: text === last }));
}

function wordMatches(word: QueryWord, token: string): boolean {
  return word.prefix ? token.startsWith(word.text) : token === word.text;
}

function compareRecords(a: Procedure, b: Procedure): number {
  return collator.compare(a.name, b.name) || a.code.localeCompare(b.code) || a.id.localeCompare(b.id);
}

/** First index whose word is >= target, in a sorted array. */
function lowerBound(sorted: string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
