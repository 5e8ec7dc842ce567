import MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { EventArticle, Heat, ResultRow, Round } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import { MAX_CHOICES, Tier } from './resolution.js';
import type { Resolution } from './resolution.js';

/** One row of one heat, seen from the skater's side. */
export interface Appearance {
  event: EventArticle;
  round: Round;
  heat: Heat;
  row: ResultRow;
}

/** A person: every row they appear in, across rounds and events. */
export interface Athlete {
  id: string;
  /** The spelling shown: the one with diacritics where articles differ. */
  name: string;
  /** The folded words of the name, in written order. */
  tokens: string[];
  /** IOC code where an article states it. */
  noc: string | null;
  appearances: Appearance[];
}

interface AthleteDoc {
  id: string;
  name: string;
  joined: string;
}

/** Joined runs of adjacent words, so "vant wout" and "vantwout" find "van 't Wout". */
function joinedVariants(tokens: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 2; j <= tokens.length; j++) out.push(tokens.slice(i, j).join(''));
  }
  return out.join(' ');
}

function tierOf(athlete: Athlete, query: string, queryTokens: string[]): number {
  const sortedQuery = [...queryTokens].sort().join('-');
  const compact = queryTokens.join('');
  const written = athlete.tokens.join(' ');
  const reversed = [...athlete.tokens].reverse().join(' ');
  if (
    sortedQuery === athlete.id ||
    compact === athlete.tokens.join('') ||
    compact === [...athlete.tokens].reverse().join('')
  ) {
    return Tier.Exact;
  }
  if (written.startsWith(query) || reversed.startsWith(query)) return Tier.Prefix;
  const free = [...athlete.tokens];
  const allPrefix = queryTokens.every((token) => {
    const at = free.findIndex((word) => word.startsWith(token));
    if (at < 0) return false;
    free.splice(at, 1);
    return true;
  });
  return allPrefix ? Tier.Prefix : Tier.Fuzzy;
}

interface Ranked {
  athlete: Athlete;
  tier: number;
  score: number;
}

/** Finds skaters from what people type: no accents, typos, surname only, either order, particles. */
export class AthleteIndex {
  private readonly byId = new Map<string, Athlete>();
  private readonly search: MiniSearch<AthleteDoc>;

  constructor(readonly athletes: readonly Athlete[]) {
    for (const athlete of athletes) this.byId.set(athlete.id, athlete);
    this.search = new MiniSearch<AthleteDoc>({
      fields: ['name', 'joined'],
      // Names are folded before indexing and querying, so the default lower-casing is all that is left to do.
      processTerm: (term) => term || null,
      searchOptions: { boost: { name: 2 } },
    });
    this.search.addAll(
      athletes.map((a) => ({ id: a.id, name: a.tokens.join(' '), joined: joinedVariants(a.tokens) })),
    );
  }

  get(id: string): Athlete | undefined {
    return this.byId.get(id);
  }

  /** Every candidate for `query`, best first. */
  rank(query: string, limit: number): Ranked[] {
    const folded = foldName(query);
    if (folded === '') return [];
    const tokens = folded.split(' ');
    const options = {
      prefix: true,
      fuzzy: (term: string) => (term.length >= 4 ? 0.25 : false),
      maxFuzzy: 2,
      weights: { fuzzy: 0.4, prefix: 0.7 },
    } as const;
    let hits: SearchResult[] = this.search.search(folded, { ...options, combineWith: 'AND' });
    if (hits.length === 0) hits = this.search.search(folded, { ...options, combineWith: 'OR' });
    const ranked: Ranked[] = [];
    for (const hit of hits) {
      const athlete = this.byId.get(String(hit.id));
      if (athlete) ranked.push({ athlete, tier: tierOf(athlete, folded, tokens), score: hit.score });
    }
    ranked.sort(
      (a, b) => a.tier - b.tier || b.score - a.score || a.athlete.name.localeCompare(b.athlete.name),
    );
    return ranked.slice(0, limit);
  }

  /** Ranked suggestions for autocomplete, at most 25. */
  suggest(query: string, limit = MAX_CHOICES): Athlete[] {
    if (query.trim() === '') return [];
    return this.rank(query, limit).map((r) => r.athlete);
  }

  /**
   * One skater when the text says who, candidates when several fit equally well. A typo is accepted
   * when one candidate clearly leads the rest.
   */
  resolve(query: string): Resolution<Athlete> {
    const byId = this.byId.get(query.trim());
    if (byId) return { kind: 'found', value: byId };
    const ranked = this.rank(query, 50);
    const best = ranked[0];
    if (!best) return { kind: 'missing', suggestions: [] };
    const sameTier = ranked.filter((r) => r.tier === best.tier);
    if (sameTier.length === 1) return { kind: 'found', value: best.athlete };
    const second = sameTier[1];
    if (best.tier === Tier.Fuzzy && second && best.score >= 2 * second.score)
      return { kind: 'found', value: best.athlete };
    return { kind: 'ambiguous', candidates: sameTier.slice(0, 10).map((r) => r.athlete) };
  }
}
