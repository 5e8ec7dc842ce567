import MiniSearch from 'minisearch';
import type { EventArticle } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import type { Athlete, AthleteIndex } from './athletes.js';
import { Tier } from './resolution.js';

/** What a full-text hit points at, and so which command shows more. */
export type TextHit =
  /** A skater's name matched: /athlete shows more. */
  | { kind: 'athlete'; athlete: Athlete; score: number }
  /** An event's title, venue or discipline matched: /event shows more. */
  | { kind: 'event'; event: EventArticle; score: number }
  /** A paragraph of an article's prose matched. */
  | { kind: 'prose'; event: EventArticle; heading: string | null; paragraph: string; score: number };

interface Doc {
  id: string;
  text: string;
}

// Words that occur in nearly every paragraph: indexing them costs memory and time and finds nothing.
const STOPWORDS = new Set(
  'a an and are as at be by for from had has he her his in is it its of on or she that the their they this to was were which who with'.split(
    ' ',
  ),
);

function processTerm(term: string): string | null {
  const folded = foldName(term);
  return folded === '' || STOPWORDS.has(folded) ? null : folded;
}

function documents(events: ReadonlyMap<string, EventArticle>) {
  const docs: Doc[] = [];
  const prose = new Map<string, { event: EventArticle; heading: string | null; paragraph: string }>();
  for (const event of events.values()) {
    docs.push({ id: `e:${event.id}`, text: `${event.title} ${event.infobox?.venue ?? ''}` });
    event.sections.forEach((section, s) =>
      section.paragraphs.forEach((paragraph, p) => {
        const id = `p:${event.id}:${s}:${p}`;
        prose.set(id, { event, heading: section.heading, paragraph });
        docs.push({ id, text: paragraph });
      }),
    );
  }
  return { docs, prose };
}

function emptyIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({ fields: ['text'], processTerm });
}

/**
 * Full-text search over skaters, events and article prose. Skaters come from the athlete index (so
 * names are not indexed twice); events and prose from an index of their own.
 */
export class TextIndex {
  private constructor(
    private readonly search: MiniSearch<Doc>,
    private readonly prose: ReadonlyMap<
      string,
      { event: EventArticle; heading: string | null; paragraph: string }
    >,
    private readonly events: ReadonlyMap<string, EventArticle>,
    private readonly athletes: AthleteIndex,
  ) {}

  static build(events: ReadonlyMap<string, EventArticle>, athletes: AthleteIndex): TextIndex {
    const { docs, prose } = documents(events);
    const search = emptyIndex();
    search.addAll(docs);
    return new TextIndex(search, prose, events, athletes);
  }

  /** The same index, built in chunks that yield to the event loop so interactions keep being answered. */
  static async buildInBackground(
    events: ReadonlyMap<string, EventArticle>,
    athletes: AthleteIndex,
  ): Promise<TextIndex> {
    // Started as the data is loaded: the documents (and the prose a snapshot reads on first use) wait
    // until the start is over and the bot can answer.
    await new Promise((resolve) => setImmediate(resolve));
    const { docs, prose } = documents(events);
    const search = emptyIndex();
    await search.addAllAsync(docs, { chunkSize: 200 });
    return new TextIndex(search, prose, events, athletes);
  }

  query(text: string, limit: number): TextHit[] {
    const hits: TextHit[] = [];
    // A name typed in full or by its start is the strongest hit there is.
    for (const ranked of this.athletes.rank(text, limit)) {
      if (ranked.tier > Tier.Prefix) break;
      hits.push({ kind: 'athlete', athlete: ranked.athlete, score: ranked.score });
    }
    // Skaters come first and already fill the list: the prose search would find only what is not shown.
    if (hits.length >= limit) return hits;
    const results = this.search.search(text, {
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
      boostDocument: (id) => (String(id).startsWith('p:') ? 0.6 : 1.5),
    });
    for (const result of results) {
      if (hits.length >= limit) break;
      const id = String(result.id);
      if (id.startsWith('e:')) {
        const event = this.events.get(id.slice(2));
        if (event) hits.push({ kind: 'event', event, score: result.score });
      } else {
        const prose = this.prose.get(id);
        if (prose) hits.push({ kind: 'prose', ...prose, score: result.score });
      }
    }
    return hits;
  }
}
