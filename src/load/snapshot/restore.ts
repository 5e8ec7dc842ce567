import type { EventArticle, Heat, Mark, ResultRow, Section } from '../../model/schemas.js';
import type { Appearance, Athlete } from '../../search/athletes.js';
import {
  ATHLETE,
  ATHLETE_WIDTH,
  BEHIND,
  COUNTRY,
  LANE,
  LAPS,
  LAZY_FIELDS,
  LINE,
  MARK,
  MARK_DECIMALS,
  MARK_MS,
  MARK_STATUS,
  MARK_TEXT,
  MARK_TIME,
  NAME,
  NONE,
  NOTES,
  PAIR,
  RANK,
  ROW_WIDTH,
  SPRINTS,
  TOTAL,
} from './layout.js';
import type { EncodedRound, LazyField, PartArrays, PartName, Ref, SnapshotMeta } from './layout.js';

/** Reads a snapshot's rows, articles and skaters as they are first used. */
export class Restorer {
  private readonly strings: string[];
  private readonly noteLists: Ref[][];
  private readonly articles: EventArticle[];
  /** Each article's and skater's place in the snapshot, for the getters shared by all of them. */
  private readonly order = new WeakMap<object, number>();

  /** `parts`: with getters for the lazy ones; `lengths`: every part's, without reading it. */
  constructor(
    meta: SnapshotMeta,
    private readonly parts: PartArrays,
    private readonly lengths: Readonly<Record<PartName, number>>,
  ) {
    this.strings = meta.strings;
    this.noteLists = meta.noteLists;
    const { articleRows, bodyOffsets } = parts;
    const count = meta.shells.length;
    if (
      lengths.rows % ROW_WIDTH !== 0 ||
      meta.lazy.length !== count ||
      articleRows.length !== count + 1 ||
      articleRows[count] !== lengths.rows / ROW_WIDTH ||
      bodyOffsets.length !== count + 1 ||
      bodyOffsets[count] !== lengths.bodies
    )
      throw new Error('snapshot parts do not match its articles');
    const prose = lazyProse(() => parts.prose, count);
    const settle = (article: object, field: string, value: unknown) =>
      Object.defineProperty(article, field, { value, writable: true, enumerable: true, configurable: true });
    const order = this.order;
    const restore = (article: object) => this.restoreArticle(order.get(article)!);
    // One getter per field for every article, not a closure each: articles whose accessors differ differ
    // in shape, and every pass over the articles would then be megamorphic.
    const lazyField = (field: string): PropertyDescriptor => ({
      configurable: true,
      enumerable: true,
      get(this: object): unknown {
        restore(this);
        return (this as Record<string, unknown>)[field];
      },
      set(this: object, value: unknown) {
        restore(this);
        settle(this, field, value);
      },
    });
    const fields = LAZY_FIELDS.map(lazyField);
    const sections: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: object): Section[] {
        const value = prose()[order.get(this)!]!;
        settle(this, 'sections', value);
        return value;
      },
      set(this: object, value: Section[]) {
        settle(this, 'sections', value);
      },
    };
    meta.shells.forEach((article, i) => {
      order.set(article, i);
      const mask = meta.lazy[i]!;
      LAZY_FIELDS.forEach((_, bit) => {
        if (mask & (1 << bit)) Object.defineProperty(article, LAZY_FIELDS[bit]!, fields[bit]!);
      });
      Object.defineProperty(article, 'sections', sections);
    });
    this.articles = meta.shells as EventArticle[];
  }

  private at(i: number): string {
    const s = this.strings[i];
    if (s === undefined) throw new Error(`snapshot string ${i} is missing`);
    return s;
  }

  /** Reads article `i`'s lazy fields and rows, and puts them on the article as plain properties. */
  private restoreArticle(i: number): void {
    const article = this.articles[i]!;
    const { bodyOffsets, bodies, articleRows } = this.parts;
    const text = Buffer.from(bodies.buffer, bodies.byteOffset, bodies.length).toString(
      'latin1',
      bodyOffsets[i],
      bodyOffsets[i + 1],
    );
    const body = JSON.parse(text) as Partial<Record<LazyField, unknown>> & { rounds?: EncodedRound[] };
    let next = articleRows[i]!;
    for (const round of body.rounds ?? []) {
      for (const heat of round.heats) {
        const count = heat.rows;
        (heat as unknown as Heat).rows = this.decodeRows(next, count);
        next += count;
      }
    }
    if (next !== articleRows[i + 1]) throw new Error(`snapshot rows do not match article ${article.id}`);
    for (const field of LAZY_FIELDS) {
      if (!(field in body)) continue;
      Object.defineProperty(article, field, {
        value: body[field],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }

  private decodeRows(first: number, count: number): ResultRow[] {
    const r = this.parts.rows;
    const end = (first + count) * ROW_WIDTH;
    if (!Number.isSafeInteger(count) || count < 0 || end > r.length)
      throw new Error('snapshot rows are cut short');
    const orNull = (n: number): number | null => (n === NONE ? null : n);
    const atOrNull = (i: number): string | null => (i === NONE ? null : this.at(i));
    const rows: ResultRow[] = [];
    for (let i = first * ROW_WIDTH; i < end; i += ROW_WIDTH) {
      const kind = r[i + MARK];
      const total = r[i + TOTAL]!;
      const mark: Mark =
        kind === MARK_TIME
          ? {
              kind: 'time',
              time: {
                text: this.at(r[i + MARK_TEXT]!),
                ms: r[i + MARK_MS]!,
                decimals: r[i + MARK_DECIMALS]!,
              },
            }
          : kind === MARK_STATUS
            ? { kind: 'status', text: this.at(r[i + MARK_TEXT]!) }
            : { kind: 'none' };
      const notes = this.noteLists[r[i + NOTES]!];
      if (notes === undefined) throw new Error(`snapshot note list ${r[i + NOTES]} is missing`);
      // Keys in the order the parser writes them, so decoded rows share their objects' shape with parsed ones.
      rows.push({
        line: r[i + LINE]!,
        rank: orNull(r[i + RANK]!),
        name: this.at(r[i + NAME]!),
        athleteId: this.at(r[i + ATHLETE]!),
        country: atOrNull(r[i + COUNTRY]!),
        pair: orNull(r[i + PAIR]!),
        lane: atOrNull(r[i + LANE]!),
        laps: orNull(r[i + LAPS]!),
        points:
          total === NONE
            ? null
            : {
                sprints: [
                  orNull(r[i + SPRINTS]!),
                  orNull(r[i + SPRINTS + 1]!),
                  orNull(r[i + SPRINTS + 2]!),
                  orNull(r[i + SPRINTS + 3]!),
                ],
                total,
              },
        mark,
        behind: atOrNull(r[i + BEHIND]!),
        notes: notes.length === 0 ? [] : notes.map((note) => this.at(note)),
      });
    }
    return rows;
  }

  /** The article holding row `row`, by a binary search of the articles' first rows. */
  private articleOf(row: number): number {
    const starts = this.parts.articleRows;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private appearancesOf(athlete: number): Appearance[] {
    const { appearanceStarts, appearances, articleRows } = this.parts;
    const out: Appearance[] = [];
    for (let p = appearanceStarts[athlete]!; p < appearanceStarts[athlete + 1]!; p++) {
      const number = appearances[p]!;
      const a = this.articleOf(number);
      const event = this.articles[a]!;
      let local = number - articleRows[a]!;
      let found: Appearance | null = null;
      for (const round of event.rounds) {
        for (const heat of round.heats) {
          if (local < heat.rows.length) {
            found = { event, round, heat, row: heat.rows[local]! };
            break;
          }
          local -= heat.rows.length;
        }
        if (found) break;
      }
      if (!found) throw new Error(`snapshot row ${number} is in no heat`);
      out.push(found);
    }
    return out;
  }

  /** The skaters, each with its appearances read on first use. */
  athletes(count: number): Athlete[] {
    const { athletes: cells, tokenStarts, tokens, appearanceStarts } = this.parts;
    if (
      cells.length !== count * ATHLETE_WIDTH ||
      tokenStarts.length !== count + 1 ||
      tokenStarts[count] !== tokens.length ||
      appearanceStarts.length !== count + 1 ||
      appearanceStarts[count] !== this.lengths.appearances
    )
      throw new Error('snapshot skaters do not match their parts');
    const order = this.order;
    const appearancesOf = (athlete: number) => this.appearancesOf(athlete);
    const settle = (athlete: object, value: Appearance[]) =>
      Object.defineProperty(athlete, 'appearances', {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    const lazyAppearances: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: object): Appearance[] {
        const value = appearancesOf(order.get(this)!);
        settle(this, value);
        return value;
      },
      set(this: object, value: Appearance[]) {
        settle(this, value);
      },
    };
    const out = new Array<Athlete>(count);
    for (let i = 0; i < count; i++) {
      const tokenList: string[] = [];
      for (let t = tokenStarts[i]!; t < tokenStarts[i + 1]!; t++) tokenList.push(this.at(tokens[t]!));
      const noc = cells[i * ATHLETE_WIDTH + 2]!;
      const athlete = {
        id: this.at(cells[i * ATHLETE_WIDTH]!),
        name: this.at(cells[i * ATHLETE_WIDTH + 1]!),
        tokens: tokenList,
        noc: noc === NONE ? null : this.at(noc),
      } as Athlete;
      Object.defineProperty(athlete, 'appearances', lazyAppearances);
      order.set(athlete, i);
      out[i] = athlete;
    }
    return out;
  }

  get restoredArticles(): EventArticle[] {
    return this.articles;
  }
}

/**
 * Every article's sections, parsed once on first call. The bytes were checked to hold one JSON array
 * when the snapshot was read; a file changed on disk since is not read again, so what fails here is a
 * snapshot written wrong, and it throws rather than serve an event without its prose.
 */
function lazyProse(part: () => Uint8Array, articles: number): () => Section[][] {
  let parsed: Section[][] | null = null;
  return () => {
    if (parsed) return parsed;
    const bytes = part();
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    const value = JSON.parse(text) as unknown;
    if (!Array.isArray(value) || value.length !== articles)
      throw new Error('snapshot prose does not match its articles');
    parsed = value as Section[][];
    return parsed;
  };
}
