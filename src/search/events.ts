import MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';
import type { EventArticle, Gender, Sport } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import { MAX_CHOICES } from './resolution.js';
import type { Resolution } from './resolution.js';
import { englishEventWords } from './words.js';
import { BASE_LOCALE } from '../i18n/index.js';
import type { BotLocale } from '../i18n/index.js';

const YEAR = /^(?:18|19|20)\d\d$/;
const GENDER_WORDS: Record<string, Gender> = {
  men: 'men',
  mens: 'men',
  man: 'men',
  male: 'men',
  m: 'men',
  women: 'women',
  womens: 'women',
  woman: 'women',
  ladies: 'women',
  female: 'women',
  w: 'women',
  mixed: 'mixed',
};
const SPORT_WORDS: Record<string, Sport> = {
  st: 'short-track',
  short: 'short-track',
  shorttrack: 'short-track',
  lt: 'long-track',
  long: 'long-track',
  longtrack: 'long-track',
};
// Words that appear in titles and free text but never tell two events apart.
const NOISE = new Set([
  'speed',
  'skating',
  'track',
  'at',
  'the',
  'of',
  'winter',
  'olympics',
  'olympic',
  'games',
  'event',
  's',
]);
const METRES = /\b(\d+)\s*(?:m|metres?|meters?)\b/g;
const KILOMETRES = /\b(\d+)\s*km\b/g;

/** What a piece of text says about an event: any of year, gender, sport, discipline words. */
interface Facets {
  year: number | null;
  gender: Gender | null;
  sport: Sport | null;
  words: string[];
}

function readFacets(query: string): Facets {
  const folded = englishEventWords(foldName(query.replace(/[-_]/g, ' ')))
    .replace(KILOMETRES, (_, km: string) => `${Number(km) * 1000}m`)
    .replace(METRES, '$1m');
  const facets: Facets = { year: null, gender: null, sport: null, words: [] };
  for (const token of folded.split(' ')) {
    if (token === '') continue;
    if (YEAR.test(token)) facets.year = Number(token);
    else if (Object.hasOwn(GENDER_WORDS, token)) facets.gender = GENDER_WORDS[token] ?? null;
    else if (Object.hasOwn(SPORT_WORDS, token)) facets.sport = SPORT_WORDS[token] ?? null;
    else if (token === 'ms') facets.words.push('mass', 'start');
    else if (!NOISE.has(token)) facets.words.push(/^\d+$/.test(token) ? `${token}m` : token);
  }
  return facets;
}

/** An event with the forms of its names that every keystroke compares against, made once at load. */
interface Entry {
  event: EventArticle;
  /** The event's place in the list the index was made from. */
  at: number;
  title: string;
  eventName: string;
  /** The discipline's words ("mass", "start"), and joined ("massstart"). */
  parts: string[];
  joined: string;
  /** The event's name in each language, folded, spaces dropped (CJK is typed without them). */
  names: ReadonlyMap<BotLocale, string>;
}

/** The event's name in each language the bot speaks, e.g. nl "Massastart mannen", ja "男子マススタート". */
export type EventNames = (event: EventArticle) => Readonly<Partial<Record<BotLocale, string>>>;

const compact = (folded: string) => folded.replace(/ /g, '');

/** The folded forms of an event's names: what an Entry adds to the event, and what a snapshot stores. */
export type EventForms = [title: string, eventName: string, names: Array<[BotLocale, string]>];

function formsOf(event: EventArticle, names: EventNames): EventForms {
  const eventName = foldName(event.eventName);
  const byLocale: Array<[BotLocale, string]> = [];
  for (const [locale, name] of Object.entries(names(event)) as Array<[BotLocale, string]>) {
    const folded = compact(foldName(name));
    if (folded !== '') byLocale.push([locale, folded]);
  }
  return [foldName(event.title), eventName, byLocale];
}

/** Whether the event's name in `locale` starts with the typed text; any locale but `locale` with `others`. */
function namePrefix(entry: Entry, spaceless: string, locale: BotLocale, others: boolean): boolean {
  if (spaceless === '') return false;
  if (!others) return entry.names.get(locale)?.startsWith(spaceless) ?? false;
  for (const [l, name] of entry.names) if (l !== locale && name.startsWith(spaceless)) return true;
  return false;
}

function entryOf(event: EventArticle, at: number, [title, eventName, names]: EventForms): Entry {
  const parts = event.discipline.split('-');
  return { event, at, title, eventName, parts, joined: parts.join(''), names: new Map(names) };
}

/**
 * Everything the index makes of its events, for a snapshot to store: each event's forms (in the order
 * of the events), the events newest first (their places in that order), and the fuzzy index.
 */
export interface EventIndexParts {
  forms: EventForms[];
  newestFirst: number[];
  search: AsPlainObject;
}

const SEARCH_OPTIONS: Options<{ id: string; text: string }> = {
  fields: ['text'],
  processTerm: (term) => foldName(term) || null,
};

function disciplineMatches({ parts, joined }: Entry, words: string[]): boolean {
  if (words.length === 0) return true;
  if (words.join('') === joined) return true;
  return words.every((word) => parts.some((part) => part.startsWith(word)));
}

function facetsMatch(entry: Entry, facets: Facets): boolean {
  const { event } = entry;
  return (
    (facets.year === null || facets.year === event.games.year) &&
    (facets.gender === null || facets.gender === event.gender) &&
    (facets.sport === null || facets.sport === event.sport) &&
    disciplineMatches(entry, facets.words)
  );
}

/** A short human label for an event, fit for an autocomplete choice (<= 100 characters). */
export function eventLabel(event: EventArticle): string {
  const sport = event.sport === 'short-track' ? 'short track' : 'speed skating';
  return `${event.games.year} · ${event.eventName} (${sport})`.slice(0, 100);
}

function byRecency(a: EventArticle, b: EventArticle): number {
  return b.games.year - a.games.year || a.eventName.localeCompare(b.eventName) || a.id.localeCompare(b.id);
}

/** Finds events by canonical id, short form (`mass-start-men`, `1000m`) or free text. */
export class EventIndex {
  private readonly byId = new Map<string, EventArticle>();
  // A pasted title names one event even where its words alone do not (a long-track title has no sport word).
  private readonly byTitle = new Map<string, EventArticle>();
  private readonly search: MiniSearch<{ id: string; text: string }>;
  /** Newest first. */
  private readonly sorted: Entry[];

  /** `parts`: what an index over the same events, in the same order, made of them (a snapshot's). */
  constructor(
    readonly events: readonly EventArticle[],
    names: EventNames = () => ({}),
    parts?: EventIndexParts,
  ) {
    if (parts && (parts.forms.length !== events.length || parts.newestFirst.length !== events.length))
      throw new RangeError('the event index parts are of other events');
    const entries = events.map((event, at) =>
      entryOf(event, at, parts ? parts.forms[at]! : formsOf(event, names)),
    );
    for (const entry of entries) {
      this.byId.set(entry.event.id, entry.event);
      this.byTitle.set(entry.title, entry.event);
    }
    if (parts) {
      this.sorted = parts.newestFirst.map((at) => {
        const entry = entries[at];
        if (!entry) throw new RangeError(`the event index has no event ${at}`);
        return entry;
      });
      this.search = MiniSearch.loadJS(parts.search, SEARCH_OPTIONS);
      return;
    }
    this.sorted = [...entries].sort((a, b) => byRecency(a.event, b.event));
    this.search = new MiniSearch(SEARCH_OPTIONS);
    this.search.addAll(
      events.map((event) => ({
        id: event.id,
        text: [
          event.eventName,
          event.sportLabel,
          event.discipline.replace(/-/g, ' '),
          event.games.year,
          event.infobox?.venue ?? '',
        ].join(' '),
      })),
    );
  }

  get(id: string): EventArticle | undefined {
    return this.byId.get(id);
  }

  /** What the index made of its events, for `new EventIndex(events, names, parts)` to restore. */
  parts(): EventIndexParts {
    const forms = new Array<EventForms>(this.sorted.length);
    for (const entry of this.sorted) forms[entry.at] = [entry.title, entry.eventName, [...entry.names]];
    return { forms, newestFirst: this.sorted.map((entry) => entry.at), search: this.search.toJSON() };
  }

  resolve(query: string): Resolution<EventArticle> {
    const exact = this.byId.get(query.trim().toLowerCase()) ?? this.byTitle.get(foldName(query));
    if (exact) return { kind: 'found', value: exact };
    const facets = readFacets(query);
    const matches = this.sorted.filter((entry) => facetsMatch(entry, facets)).map((entry) => entry.event);
    if (matches.length === 1 && matches[0]) return { kind: 'found', value: matches[0] };
    if (matches.length > 1) {
      return { kind: 'ambiguous', candidates: matches.slice(0, MAX_CHOICES) };
    }
    return { kind: 'missing', suggestions: this.fuzzy(query, 5) };
  }

  /**
   * Ranked choices for autocomplete: exact id > prefix > facet match > fuzzy; at most `limit`. Among
   * prefixes, the name in the caller's language comes first, then the id and the article's English name,
   * then the names in other languages: the same letters can start an event's name in two languages.
   */
  suggest(query: string, limit = MAX_CHOICES, locale: BotLocale = BASE_LOCALE): EventArticle[] {
    const q = query.trim().toLowerCase();
    if (q === '') return this.sorted.slice(0, limit).map((entry) => entry.event);
    // Events are visited newest first, so each tier keeps only its first `limit`: later ones rank lower.
    const exact: EventArticle[] = [];
    const own: EventArticle[] = [];
    const prefix: EventArticle[] = [];
    const other: EventArticle[] = [];
    const byFacets: EventArticle[] = [];
    let matched = 0;
    const facets = readFacets(q);
    const folded = foldName(q);
    const spaceless = compact(folded);
    for (const entry of this.sorted) {
      const { event } = entry;
      let tier: EventArticle[];
      if (event.id === q || entry.title === folded) tier = exact;
      // English names are the prefix tier itself, ranked as they always were.
      else if (locale !== BASE_LOCALE && namePrefix(entry, spaceless, locale, false)) tier = own;
      else if (event.id.startsWith(q) || entry.eventName.startsWith(folded)) tier = prefix;
      else if (namePrefix(entry, spaceless, locale, true)) tier = other;
      else if (facetsMatch(entry, facets)) tier = byFacets;
      else continue;
      matched++;
      if (tier.length < limit) tier.push(event);
    }
    const chosen = [...exact, ...own, ...prefix, ...other, ...byFacets];
    if (matched < limit) {
      const seen = new Set(chosen.map((event) => event.id));
      for (const event of this.fuzzy(q, limit)) if (!seen.has(event.id)) chosen.push(event);
    }
    return chosen.slice(0, limit);
  }

  private fuzzy(query: string, limit: number): EventArticle[] {
    return this.search
      .search(query, { prefix: true, fuzzy: 0.25, combineWith: 'OR' })
      .slice(0, limit)
      .map((hit) => this.byId.get(String(hit.id)))
      .filter((event): event is EventArticle => event !== undefined);
  }
}
