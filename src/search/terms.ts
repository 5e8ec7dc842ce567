/**
 * A small in-memory term index for short documents (names), scored the way MiniSearch 7 scores them
 * (BM25+ with per-field boosts, prefix and fuzzy weights), so that rankings tuned on MiniSearch keep
 * their order. It is built for speed on what autocomplete needs: building is a few passes over flat
 * arrays, prefix lookups are a range of the sorted terms, and fuzzy lookups walk a trie of them that knows
 * the term lengths below each node.
 */

import { K, buildParts, checkParts } from './term-parts.js';
import type { TermIndexParts, Trie } from './term-parts.js';

// MiniSearch's default (with K and B in term-parts.ts); the scores, and so every tie-break tuned on them,
// depend on these values.
const D = 0.5;

export interface TermSearchOptions {
  prefix: boolean;
  /** Edit distance allowed for a query term, 0 for none. */
  maxDistance: (term: string) => number;
  weights: { prefix: number; fuzzy: number };
}

export interface TermHits {
  /** Document numbers, in no particular order. */
  docs: number[];
  scores: number[];
}

/** First index in `sorted` whose term is >= `term`. */
function lowerBound(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First index at or after `from` whose term does not start with `prefix` (terms with it are contiguous).
 * Galloping first: a typed prefix of four or more letters starts a handful of terms, rarely thousands.
 */
function endOfPrefix(sorted: readonly string[], prefix: string, from: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < sorted.length && sorted[hi]!.startsWith(prefix)) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, sorted.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TermIndex {
  /** Every distinct term, sorted by code unit. */
  readonly terms: string[];
  /** Postings of term t in field f are offsets[t * fields + f] .. offsets[t * fields + f + 1]. */
  private readonly offsets: Int32Array;
  private readonly postDocs: Int32Array;
  private readonly postFreqs: Uint16Array;
  /** The length part of the BM25 denominator per document and field, as MiniSearch computes it. */
  private readonly lengthNorm: Float64Array;
  private readonly fields: number;
  /** A trie of the terms for fuzzy lookups; node 0 is the root. */
  private readonly trie: Trie;
  // Scratch space reused by every query: one slot per document.
  private readonly total: Float64Array;
  private readonly partial: Float64Array;
  private readonly matched: Uint16Array;
  private readonly queryStamp: Uint32Array;
  private readonly termStamp: Uint32Array;
  private generation = 0;

  /**
   * `docs[d][f]` are the words of field `f` of document `d`, already processed; or the parts of an index
   * built before (see `parts`). `boosts[f]` weighs field `f`.
   */
  constructor(
    docs: ReadonlyArray<ReadonlyArray<readonly string[]>> | TermIndexParts,
    private readonly boosts: readonly number[],
  ) {
    this.fields = boosts.length;
    const built = 'terms' in docs ? docs : buildParts(docs, boosts.length);
    checkParts(built, boosts.length);
    this.terms = built.terms;
    this.offsets = built.offsets;
    this.postDocs = built.postDocs;
    this.postFreqs = built.postFreqs;
    this.lengthNorm = built.lengthNorm;
    this.trie = built.trie;
    const documents = built.lengthNorm.length / boosts.length;
    this.total = new Float64Array(documents);
    this.partial = new Float64Array(documents);
    this.matched = new Uint16Array(documents);
    this.queryStamp = new Uint32Array(documents);
    this.termStamp = new Uint32Array(documents);
  }

  /** How many documents the index holds. */
  get documents(): number {
    return this.total.length;
  }

  /** The index as flat arrays, for `new TermIndex(parts, boosts)` to restore. */
  parts(): TermIndexParts {
    const { terms, offsets, postDocs, postFreqs, lengthNorm, trie } = this;
    return { terms, offsets, postDocs, postFreqs, lengthNorm, trie };
  }

  /** Index of `term` in `terms`, or -1. */
  idOf(term: string): number {
    // A binary search of the sorted terms: a map from term to index would cost as much to build at every
    // start as the rest of a restored index, to save some 16 string comparisons a query word.
    const at = lowerBound(this.terms, term);
    return this.terms[at] === term ? at : -1;
  }

  /** Indexes in `terms` of the terms that start with `prefix`, itself included. */
  prefixRange(prefix: string): [number, number] {
    const start = lowerBound(this.terms, prefix);
    return [start, endOfPrefix(this.terms, prefix, start)];
  }

  /**
   * Terms within Levenshtein distance `max` of `query`, as [term index, distance] pairs.
   * A depth-first walk of the trie fills one row of the edit-distance table per node and leaves a subtree
   * as soon as no term in it can end within `max` edits, given the lengths of the terms it holds.
   */
  fuzzy(query: string, max: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const { chars, firstChild, nextSibling, termAt, minLength, maxLength } = this.trie;
    const m = query.length;
    const width = m + 1;
    const over = max + 1;
    if (maxLength[0]! < m - max || minLength[0]! > m + max) return out;
    const rows = new Int32Array((m + max + 2) * width);
    for (let j = 0; j <= m; j++) rows[j] = j;
    const stack: number[] = [];
    const depths: number[] = [];
    for (let child = firstChild[0]!; child >= 0; child = nextSibling[child]!) {
      stack.push(child);
      depths.push(1);
    }
    while (stack.length > 0) {
      const node = stack.pop()!;
      const k = depths.pop()!;
      // What is left to type after this node, for the shortest and the longest term below it.
      const fewest = minLength[node]! - k;
      const most = maxLength[node]! - k;
      if (most < m - max - k || fewest > m + max - k) continue;
      const prev = (k - 1) * width;
      const cur = k * width;
      const lo = Math.max(1, k - max);
      const hi = Math.min(m, k + max);
      rows[cur] = k;
      let bound = k + gap(m, fewest, most);
      if (lo > 1) rows[cur + lo - 1] = over;
      const c = chars[node]!;
      for (let j = lo; j <= hi; j++) {
        const up = j <= k - 1 + max ? rows[prev + j]! : over;
        const diagonal = rows[prev + j - 1]! + (query.charCodeAt(j - 1) === c ? 0 : 1);
        let value = Math.min(up + 1, rows[cur + j - 1]! + 1, diagonal);
        if (value > over) value = over;
        rows[cur + j] = value;
        const reach = value + gap(m - j, fewest, most);
        if (reach < bound) bound = reach;
      }
      if (hi < m) rows[cur + hi + 1] = over;
      if (bound > max) continue;
      const term = termAt[node]!;
      if (term >= 0 && hi === m && rows[cur + m]! <= max) out.push([term, rows[cur + m]!]);
      if (k >= m + max) continue;
      for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
        stack.push(child);
        depths.push(k + 1);
      }
    }
    return out;
  }

  /**
   * Documents matching every query term or, when none does, any of them, scored like MiniSearch's
   * `search` with the same options (`combineWith: 'AND'`, then `'OR'` when that finds nothing). A query
   * term matches its exact term, every longer term it starts, and every term within its edit distance.
   */
  searchAllElseAny(queryTerms: readonly string[], options: TermSearchOptions): TermHits {
    const queryGeneration = this.nextGeneration();
    const touched: number[] = [];
    const distinct = [...new Set(queryTerms)];
    for (const term of distinct) {
      // A repeated word counts once for quality but adds its score each time, as in MiniSearch.
      const times = queryTerms.reduce((count, t) => count + (t === term ? 1 : 0), 0);
      const termGeneration = this.nextGeneration();
      const inTerm: number[] = [];
      this.scoreTerm(term, options, termGeneration, inTerm);
      for (const doc of inTerm) {
        if (this.queryStamp[doc] !== queryGeneration) {
          this.queryStamp[doc] = queryGeneration;
          this.total[doc] = 0;
          this.matched[doc] = 0;
          touched.push(doc);
        }
        for (let t = 0; t < times; t++) this.total[doc]! += this.partial[doc]!;
        this.matched[doc]!++;
      }
    }
    const all = distinct.length;
    const docs: number[] = [];
    const scores: number[] = [];
    for (const doc of touched) {
      if (this.matched[doc] === all) {
        docs.push(doc);
        scores.push(this.total[doc]! * all);
      }
    }
    if (docs.length > 0) return { docs, scores };
    for (const doc of touched) {
      docs.push(doc);
      scores.push(this.total[doc]! * this.matched[doc]!);
    }
    return { docs, scores };
  }

  private nextGeneration(): number {
    // Stamps mark which scratch slots belong to the current query; wrapping around would revive stale ones.
    if (this.generation === 0xffffffff) {
      this.generation = 0;
      this.queryStamp.fill(0);
      this.termStamp.fill(0);
    }
    return ++this.generation;
  }

  /** Adds to `partial` the score of each document for one query term; lists the documents in `inTerm`. */
  private scoreTerm(term: string, options: TermSearchOptions, generation: number, inTerm: number[]): void {
    const exact = this.idOf(term);
    if (exact >= 0) this.addPostings(exact, 1, generation, inTerm);
    if (options.prefix) {
      const [start, end] = this.prefixRange(term);
      for (let i = start; i < end; i++) {
        const length = this.terms[i]!.length;
        const distance = length - term.length;
        if (distance === 0) continue;
        this.addPostings(
          i,
          (options.weights.prefix * length) / (length + 0.3 * distance),
          generation,
          inTerm,
        );
      }
    }
    const max = options.maxDistance(term);
    if (max > 0) {
      for (const [i, distance] of this.fuzzy(term, max)) {
        const candidate = this.terms[i]!;
        // A term the query starts is scored as a prefix match only.
        if (distance === 0 || (options.prefix && candidate.startsWith(term))) continue;
        const length = candidate.length;
        this.addPostings(i, (options.weights.fuzzy * length) / (length + distance), generation, inTerm);
      }
    }
  }

  private addPostings(termIndex: number, weight: number, generation: number, inTerm: number[]): void {
    const fields = this.fields;
    const documents = this.total.length;
    for (let f = 0; f < fields; f++) {
      const start = this.offsets[termIndex * fields + f]!;
      const end = this.offsets[termIndex * fields + f + 1]!;
      const matching = end - start;
      if (matching === 0) continue;
      const idf = Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
      const weighted = weight * this.boosts[f]!;
      for (let p = start; p < end; p++) {
        const doc = this.postDocs[p]!;
        const freq = this.postFreqs[p]!;
        const score = weighted * (idf * (D + (freq * (K + 1)) / (freq + this.lengthNorm[doc * fields + f]!)));
        if (this.termStamp[doc] !== generation) {
          this.termStamp[doc] = generation;
          this.partial[doc] = score;
          inTerm.push(doc);
        } else {
          this.partial[doc]! += score;
        }
      }
    }
  }
}

/** How far `x` lies outside [lo, hi]. */
function gap(x: number, lo: number, hi: number): number {
  return x < lo ? lo - x : x > hi ? x - hi : 0;
}
