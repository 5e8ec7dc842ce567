// The skater ranking as it was built on MiniSearch (src/search/athletes.ts before the purpose-built term
// index), kept verbatim as the reference the new index must agree with.
import MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { foldName } from '../../src/model/names.js';
import type { Athlete, Ranked } from '../../src/search/athletes.js';
import { Tier } from '../../src/search/resolution.js';

interface AthleteDoc {
  id: string;
  name: string;
  joined: string;
}

function runsOf(tokens: string[], min: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + min; j <= tokens.length; j++) out.push(tokens.slice(i, j).join(''));
  }
  return out;
}

function matchOf(athlete: Athlete, query: string, queryTokens: string[]): { tier: number; words: number } {
  const sortedQuery = [...queryTokens].sort().join('-');
  const compact = queryTokens.join('');
  const written = athlete.tokens.join(' ');
  const reversed = [...athlete.tokens].reverse().join(' ');
  if (
    sortedQuery === athlete.id ||
    compact === athlete.tokens.join('') ||
    compact === [...athlete.tokens].reverse().join('')
  ) {
    return { tier: Tier.Exact, words: queryTokens.length };
  }
  if (queryTokens.length > 1 && runsOf(athlete.tokens, 1).includes(compact)) {
    return { tier: Tier.Prefix, words: queryTokens.length };
  }
  const words = queryTokens.filter((token) => athlete.tokens.includes(token)).length;
  if (written.startsWith(query) || reversed.startsWith(query)) return { tier: Tier.Prefix, words };
  const free = [...athlete.tokens];
  const allPrefix = queryTokens.every((token) => {
    const at = free.findIndex((word) => word.startsWith(token));
    if (at < 0) return false;
    free.splice(at, 1);
    return true;
  });
  return { tier: allPrefix ? Tier.Prefix : Tier.Fuzzy, words };
}

export class ReferenceAthleteIndex {
  private readonly byId = new Map<string, Athlete>();
  private readonly search: MiniSearch<AthleteDoc>;

  constructor(athletes: readonly Athlete[]) {
    for (const athlete of athletes) this.byId.set(athlete.id, athlete);
    this.search = new MiniSearch<AthleteDoc>({
      fields: ['name', 'joined'],
      processTerm: (term) => term || null,
      searchOptions: { boost: { name: 2 } },
    });
    this.search.addAll(
      athletes.map((a) => ({ id: a.id, name: a.tokens.join(' '), joined: runsOf(a.tokens, 2).join(' ') })),
    );
  }

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
      if (athlete) ranked.push({ athlete, ...matchOf(athlete, folded, tokens), score: hit.score });
    }
    ranked.sort(
      (a, b) =>
        a.tier - b.tier ||
        b.words - a.words ||
        b.score - a.score ||
        a.athlete.name.localeCompare(b.athlete.name),
    );
    return ranked.slice(0, limit);
  }
}

/** `AthleteIndex.resolve` as it was, on the reference ranking. */
export function referenceResolve(index: ReferenceAthleteIndex, byId: Map<string, Athlete>, query: string) {
  const found = byId.get(query.trim());
  if (found) return { kind: 'found', value: found.id };
  const ranked = index.rank(query, 50);
  const best = ranked[0];
  if (!best) return { kind: 'missing', suggestions: [] };
  const sameTier = ranked.filter((r) => r.tier === best.tier && r.words === best.words);
  if (sameTier.length === 1) return { kind: 'found', value: best.athlete.id };
  const second = sameTier[1];
  if (best.tier === Tier.Fuzzy && second && best.score >= 2 * second.score)
    return { kind: 'found', value: best.athlete.id };
  return { kind: 'ambiguous', candidates: sameTier.slice(0, 10).map((r) => r.athlete.id) };
}
