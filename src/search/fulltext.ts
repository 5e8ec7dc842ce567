import MiniSearch from 'minisearch';
import type { EventArticle } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import type { Athlete } from './athletes.js';

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
  kind: 'athlete' | 'event' | 'prose';
  text: string;
}

/** Full-text search over skaters, events and article prose. */
export class TextIndex {
  private readonly search = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: ['kind'],
    processTerm: (term) => foldName(term) || null,
  });
  private readonly prose = new Map<
    string,
    { event: EventArticle; heading: string | null; paragraph: string }
  >();

  constructor(
    private readonly events: ReadonlyMap<string, EventArticle>,
    private readonly athletes: ReadonlyMap<string, Athlete>,
  ) {
    const docs: Doc[] = [];
    for (const athlete of athletes.values())
      docs.push({ id: `a:${athlete.id}`, kind: 'athlete', text: athlete.name });
    for (const event of events.values()) {
      docs.push({ id: `e:${event.id}`, kind: 'event', text: `${event.title} ${event.infobox?.venue ?? ''}` });
      event.sections.forEach((section, s) =>
        section.paragraphs.forEach((paragraph, p) => {
          const id = `p:${event.id}:${s}:${p}`;
          this.prose.set(id, { event, heading: section.heading, paragraph });
          docs.push({ id, kind: 'prose', text: paragraph });
        }),
      );
    }
    this.search.addAll(docs);
  }

  query(text: string, limit: number): TextHit[] {
    const hits: TextHit[] = [];
    const results = this.search.search(text, {
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
      boost: { text: 1 },
      boostDocument: (id) => (String(id).startsWith('p:') ? 0.6 : 1.5),
    });
    for (const result of results) {
      const id = String(result.id);
      if (id.startsWith('a:')) {
        const athlete = this.athletes.get(id.slice(2));
        if (athlete) hits.push({ kind: 'athlete', athlete, score: result.score });
      } else if (id.startsWith('e:')) {
        const event = this.events.get(id.slice(2));
        if (event) hits.push({ kind: 'event', event, score: result.score });
      } else {
        const prose = this.prose.get(id);
        if (prose) hits.push({ kind: 'prose', ...prose, score: result.score });
      }
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
