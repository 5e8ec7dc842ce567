import { nocOfCountryCell } from '../model/countries.js';
import type { EventArticle, Medal, ResultRow, Round } from '../model/schemas.js';
import { decidingRound } from '../model/invariants.js';
import { nameTokens } from '../model/names.js';
import { AthleteIndex } from '../search/athletes.js';
import type { Appearance, Athlete } from '../search/athletes.js';
import { EventIndex } from '../search/events.js';
import type { EventIndexParts } from '../search/events.js';
import type { TermIndexParts } from '../search/term-parts.js';
import { TextIndex } from '../search/fulltext.js';
import { LOCALES } from '../i18n/index.js';
import type { BotLocale } from '../i18n/index.js';
import { langFor } from '../i18n/lang.js';
import { eventName } from '../i18n/names.js';

const LANGS = LOCALES.map((locale) => langFor(locale));
const namesByShape = new Map<string, Partial<Record<BotLocale, string>>>();
/**
 * An event's name in every bot locale, so autocomplete finds it by any of them. Names follow from the
 * event's shape alone, and a large corpus has few shapes, so each is composed once.
 */
function namesInEveryLocale(event: EventArticle): Partial<Record<BotLocale, string>> {
  const shape = [event.sport, event.discipline, event.gender, event.eventName].join('|');
  let names = namesByShape.get(shape);
  if (!names) {
    names = Object.fromEntries(LANGS.map((lang) => [lang.locale, eventName(event, lang)]));
    namesByShape.set(shape, names);
  }
  return names;
}

const MEDALS: readonly Medal[] = ['gold', 'silver', 'bronze'];
const NON_ASCII = /[^\x20-\x7e]/g;

/** A medal place on a podium; `row` is null when only the infobox names the medallist. */
export interface PodiumPlace {
  medal: Medal;
  name: string;
  athleteId: string;
  noc: string | null;
  row: ResultRow | null;
}

/** What an event was won with: the figure the infobox states, or else the winner's own row. */
export interface WinningValue {
  from: 'infobox' | 'row';
  /** The infobox's label ("Winning time", "Winning points"), or the same words for a row. */
  label: string;
  value:
    | { kind: 'points'; points: number }
    | { kind: 'time'; text: string }
    /** A row with neither points nor a time: its status word, or a dash. */
    | { kind: 'other'; text: string };
}

export interface Podium {
  event: EventArticle;
  round: Round | null;
  places: PodiumPlace[];
  /** Null when neither the infobox nor a gold medallist's row gives one. */
  win: WinningValue | null;
  /** Places 4 to 8: the deciding round's, then a Final B's. */
  others: ResultRow[];
}

/** A skater's part in one event: every round they raced, in order, and how it ended. */
export interface EventPath {
  event: EventArticle;
  path: Appearance[];
  /** Final placing, when the skater reached a round that places them (a final or a single race). */
  placing: number | null;
  medal: Medal | null;
  /** The round they went out in, when they did not reach a placing round. */
  eliminatedIn: Round | null;
}

export interface AthleteSummary {
  athlete: Athlete;
  events: EventPath[];
  medals: Record<Medal, number>;
}

export interface MedalRow {
  noc: string;
  gold: number;
  silver: number;
  bronze: number;
  total: number;
}

function isPlacingRound(round: Round): boolean {
  return round.kind === 'final' || round.kind === 'race' || round.kind.startsWith('final-');
}

function medalFor(event: EventArticle, round: Round, row: ResultRow): Medal | null {
  if (round !== decidingRound(event) || row.rank === null || row.rank > 3) return null;
  return MEDALS[row.rank - 1] ?? null;
}

function winningValue(event: EventArticle, places: readonly PodiumPlace[]): WinningValue | null {
  const win = event.infobox?.win;
  if (win) {
    const value =
      win.kind === 'points'
        ? { kind: 'points' as const, points: win.points }
        : { kind: 'time' as const, text: win.time.text };
    return { from: 'infobox', label: win.label, value };
  }
  const row = places.find((p) => p.medal === 'gold')?.row;
  if (!row) return null;
  if (row.points)
    return { from: 'row', label: 'Winning points', value: { kind: 'points', points: row.points.total } };
  if (row.mark.kind === 'time')
    return { from: 'row', label: 'Winning time', value: { kind: 'time', text: row.mark.time.text } };
  return {
    from: 'row',
    label: 'Result',
    value: { kind: 'other', text: row.mark.kind === 'status' ? row.mark.text : '–' },
  };
}

/**
 * The NOC the article states for a skater. Own keys only: a one-word name such as "Constructor" keys a
 * skater `constructor`, and a plain lookup would find Object's.
 */
function nocOf(event: EventArticle, athleteId: string): string | null {
  return Object.hasOwn(event.nocs, athleteId) ? (event.nocs[athleteId] ?? null) : null;
}

/** A row's own Country cell where it has one (an imported article fills it for every skater), else the article's. */
function rowNoc(event: EventArticle, row: ResultRow): string | null {
  return nocOfCountryCell(row.country) ?? nocOf(event, row.athleteId);
}

export interface MedalTable {
  rows: MedalRow[];
  /** Medallists whose NOC no article states. */
  unstated: number;
}

/**
 * What a Dataset makes of its articles: the skaters, the indexes and the medal table, built at load. A
 * snapshot stores them so that a start restores them instead (see the constructor).
 */
export interface DatasetParts {
  athletes: Athlete[];
  terms: TermIndexParts;
  events: EventIndexParts;
  medals: MedalTable;
}

/** Everything loaded, indexed once at load, and the queries the commands need. Immutable. */
export class Dataset {
  readonly events: EventIndex;
  readonly athletes: AthleteIndex;
  private textIndex: TextIndex | null = null;
  private textBuild: Promise<void> | null = null;
  readonly byId: ReadonlyMap<string, EventArticle>;

  /** `parts`: what `parts()` gave for the same articles, in the same order. */
  constructor(
    readonly articles: readonly EventArticle[],
    parts?: DatasetParts,
  ) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
    if (parts) {
      this.events = new EventIndex(articles, namesInEveryLocale, parts.events);
      this.athletes = new AthleteIndex(parts.athletes, parts.terms);
      this.medals = parts.medals;
      return;
    }
    // One pass, one object per skater, built in its final shape: this runs over every row loaded, and
    // intermediate copies would cost the garbage collector more than the pass itself.
    const people = new Map<string, Athlete>();
    // Only the few skaters whose name is spelled more than one way.
    const spellings = new Map<Athlete, string[]>();
    for (const event of articles) {
      for (const round of event.rounds) {
        for (const heat of round.heats) {
          for (const row of heat.rows) {
            let person = people.get(row.athleteId);
            if (!person) {
              person = { id: row.athleteId, name: row.name, tokens: [], noc: null, appearances: [] };
              people.set(row.athleteId, person);
            } else if (row.name !== person.name) {
              const seen = spellings.get(person);
              if (!seen) spellings.set(person, [person.name, row.name]);
              else if (!seen.includes(row.name)) seen.push(row.name);
            }
            person.appearances.push({ event, round, heat, row });
            if (person.noc === null && row.country !== null) person.noc = nocOfCountryCell(row.country);
          }
        }
      }
      // A skater's NOC is the first one an article they race in states. Looked up from the article's few
      // NOCs rather than once per row, since an article states far fewer NOCs than it has rows.
      for (const id in event.nocs) {
        const person = people.get(id);
        if (person && person.noc === null && person.appearances.at(-1)?.event === event)
          person.noc = nocOf(event, id);
      }
    }
    const athletes: Athlete[] = [];
    for (const person of people.values()) {
      // Tokens in the order the first article writes the name.
      person.tokens = nameTokens(person.name);
      const names = spellings.get(person);
      // Where articles spell a name differently, the one with the most diacritics is the careful one
      // (the first seen, of equals).
      if (names) {
        let most = -1;
        for (const name of names) {
          const count = name.match(NON_ASCII)?.length ?? 0;
          if (count > most) {
            most = count;
            person.name = name;
          }
        }
      }
      athletes.push(person);
    }
    this.events = new EventIndex(articles, namesInEveryLocale);
    this.athletes = new AthleteIndex(athletes);
  }

  /**
   * The full-text index, built on first use: only /search needs it, and at scale it is the largest
   * index. `warmText()` builds it without blocking; until then the first /search builds it itself.
   */
  get text(): TextIndex {
    this.textIndex ??= TextIndex.build(this.byId, this.athletes);
    return this.textIndex;
  }

  warmText(): Promise<void> {
    this.textBuild ??= TextIndex.buildInBackground(this.byId, this.athletes).then((index) => {
      this.textIndex ??= index;
    });
    return this.textBuild;
  }

  /** What the Dataset made of its articles, for a snapshot to store and `new Dataset(articles, parts)` to restore. */
  parts(): DatasetParts {
    return {
      athletes: [...this.athletes.athletes],
      terms: this.athletes.termParts(),
      events: this.events.parts(),
      medals: this.medalTable(),
    };
  }

  /** Medallists from the deciding round's ranks, with NOCs only where the article states them. */
  podium(event: EventArticle): Podium {
    const round = decidingRound(event) ?? null;
    const rows = round?.heats.flatMap((heat) => heat.rows) ?? [];
    const places: PodiumPlace[] = [];
    for (const row of rows) {
      const medal = row.rank !== null && row.rank <= 3 ? MEDALS[row.rank - 1] : undefined;
      if (medal)
        places.push({
          medal,
          name: row.name,
          athleteId: row.athleteId,
          noc: rowNoc(event, row),
          row,
        });
    }
    if (places.length === 0) {
      for (const m of event.infobox?.medallists ?? []) {
        places.push({
          medal: m.medal,
          name: m.name,
          athleteId: m.athleteId,
          noc: m.noc ?? nocOf(event, m.athleteId),
          row: null,
        });
      }
    }
    places.sort((a, b) => MEDALS.indexOf(a.medal) - MEDALS.indexOf(b.medal));
    // Places 4-8 can come from Final A (4-5) and Final B (6-8) in short track.
    const placing = event.rounds.filter((r) => r.kind === round?.kind || r.kind.startsWith('final-'));
    const others = placing
      .flatMap((r) => r.heats.flatMap((heat) => heat.rows))
      .filter((row) => row.rank !== null && row.rank >= 4 && row.rank <= 8)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    return { event, round, places, win: winningValue(event, places), others };
  }

  /** A skater through every round of every event loaded. */
  summary(athlete: Athlete): AthleteSummary {
    const byEvent = new Map<string, Appearance[]>();
    for (const appearance of athlete.appearances) {
      const list = byEvent.get(appearance.event.id) ?? [];
      list.push(appearance);
      byEvent.set(appearance.event.id, list);
    }
    const medals: Record<Medal, number> = { gold: 0, silver: 0, bronze: 0 };
    const events: EventPath[] = [];
    for (const path of byEvent.values()) {
      const event = path[0]?.event;
      if (!event) continue;
      path.sort((a, b) => event.rounds.indexOf(a.round) - event.rounds.indexOf(b.round));
      const last = path[path.length - 1];
      const placingAppearance = path.find((a) => isPlacingRound(a.round));
      const placing = placingAppearance?.row.rank ?? null;
      const medal = placingAppearance
        ? medalFor(event, placingAppearance.round, placingAppearance.row)
        : null;
      if (medal) medals[medal]++;
      events.push({
        event,
        path,
        placing,
        medal,
        eliminatedIn: placingAppearance ? null : (last?.round ?? null),
      });
    }
    events.sort(
      (a, b) => b.event.games.year - a.event.games.year || a.event.eventName.localeCompare(b.event.eventName),
    );
    return { athlete, events, medals };
  }

  /** Medals by NOC over all events; medallists whose NOC no article states are counted apart. */
  medalTable(): MedalTable {
    // The data never changes under a Dataset (a reload builds a new one), so the table is computed once.
    this.medals ??= this.computeMedalTable();
    return this.medals;
  }

  private medals: MedalTable | undefined;

  private computeMedalTable(): MedalTable {
    const table = new Map<string, MedalRow>();
    let unstated = 0;
    for (const event of this.articles) {
      for (const place of this.podium(event).places) {
        if (place.noc === null) {
          unstated++;
          continue;
        }
        const row = table.get(place.noc) ?? { noc: place.noc, gold: 0, silver: 0, bronze: 0, total: 0 };
        row[place.medal]++;
        row.total++;
        table.set(place.noc, row);
      }
    }
    const rows = [...table.values()].sort(
      (a, b) => b.gold - a.gold || b.silver - a.silver || b.bronze - a.bronze || a.noc.localeCompare(b.noc),
    );
    return { rows, unstated };
  }
}
