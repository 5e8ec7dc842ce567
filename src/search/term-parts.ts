// How a term index is laid out: the flat arrays it is built into (and a snapshot stores), their check on
// restore, and the trie of its terms that fuzzy lookups walk.

// MiniSearch's BM25+ defaults (D is in terms.ts); the scores, and so every tie-break tuned on them,
// depend on these values.
export const K = 1.2;
const B = 0.7;

/**
 * Everything a built index holds, as flat arrays and the sorted terms: what a snapshot stores, so a start
 * restores the index instead of building it again.
 */
export interface TermIndexParts {
  terms: string[];
  offsets: Int32Array;
  postDocs: Int32Array;
  postFreqs: Uint16Array;
  lengthNorm: Float64Array;
  trie: Trie;
}

/** Builds the arrays of an index over `docs` (see the TermIndex constructor). */
export function buildParts(
  docs: ReadonlyArray<ReadonlyArray<readonly string[]>>,
  fields: number,
): TermIndexParts {
  const ids = new Map<string, number>();
  const byId: string[] = [];
  let capacity = 1024;
  let postTerm = new Int32Array(capacity);
  let postDoc = new Int32Array(capacity);
  let postFreq = new Uint16Array(capacity);
  let n = 0;
  const lengths = new Float64Array(docs.length * fields);
  const averages = new Array<number>(fields).fill(0);
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    for (let f = 0; f < fields; f++) {
      const words = doc[f] ?? [];
      let unique = 0;
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        if (words.indexOf(word) !== i) continue;
        unique++;
        // An empty word counts towards the field's length but is no term, as in MiniSearch.
        if (word === '') continue;
        let freq = 1;
        for (let j = i + 1; j < words.length; j++) if (words[j] === word) freq++;
        let id = ids.get(word);
        if (id === undefined) {
          id = byId.length;
          ids.set(word, id);
          byId.push(word);
        }
        if (n === capacity) {
          capacity *= 2;
          postTerm = grow(postTerm, capacity);
          postDoc = grow(postDoc, capacity);
          postFreq = grow(postFreq, capacity);
        }
        postTerm[n] = id * fields + f;
        postDoc[n] = d;
        postFreq[n] = freq;
        n++;
      }
      // MiniSearch counts an empty field as one (empty) word; the average, and so every score, includes it.
      const length = words.length === 0 ? 1 : unique;
      lengths[d * fields + f] = length;
      // The running average, updated the way MiniSearch updates it, so scores agree to the last bit.
      averages[f] = (averages[f]! * d + length) / (d + 1);
    }
  }
  const lengthNorm = new Float64Array(docs.length * fields);
  for (let d = 0; d < docs.length; d++) {
    for (let f = 0; f < fields; f++) {
      lengthNorm[d * fields + f] = K * (1 - B + (B * lengths[d * fields + f]!) / averages[f]!);
    }
  }

  // Renumber terms in sorted order, read off the trie rather than sorted by comparison (which costs more
  // with tens of thousands of terms), then lay the postings out by (term, field), documents ascending.
  const { trie, order } = buildTrie(byId);
  const sorted = Array.from(order, (id) => byId[id]!);
  const rank = new Int32Array(byId.length);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  const offsets = new Int32Array(sorted.length * fields + 1);
  for (let i = 0; i < n; i++) {
    const key = postTerm[i]!;
    const f = key % fields;
    offsets[rank[(key - f) / fields]! * fields + f + 1]!++;
  }
  for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!;
  const fill = offsets.slice(0, offsets.length - 1);
  const postDocs = new Int32Array(n);
  const postFreqs = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const key = postTerm[i]!;
    const f = key % fields;
    const at = fill[rank[(key - f) / fields]! * fields + f]!++;
    postDocs[at] = postDoc[i]!;
    postFreqs[at] = postFreq[i]!;
  }
  return { terms: sorted, offsets, postDocs, postFreqs, lengthNorm, trie };
}

/**
 * Refuses parts whose arrays do not agree in length: restored from a snapshot, they would otherwise be
 * read past their ends on some query, long after the start.
 */
export function checkParts(parts: TermIndexParts, fields: number): void {
  const { terms, offsets, postDocs, postFreqs, lengthNorm, trie } = parts;
  const nodes = trie.chars.length;
  if (
    offsets.length !== terms.length * fields + 1 ||
    offsets[offsets.length - 1] !== postDocs.length ||
    postFreqs.length !== postDocs.length ||
    lengthNorm.length % fields !== 0 ||
    nodes === 0 ||
    [trie.firstChild, trie.nextSibling, trie.termAt, trie.minLength, trie.maxLength].some(
      (array) => array.length !== nodes,
    )
  )
    throw new RangeError('term index parts do not agree');
}

/** A trie in flat arrays: per node its character, first child, next sibling, the term ending there. */
export interface Trie {
  chars: Uint16Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Index in the sorted terms of the term ending at the node, or -1. */
  termAt: Int32Array;
  /** Shortest and longest term in the node's subtree, itself included. */
  minLength: Uint16Array;
  maxLength: Uint16Array;
}

/**
 * Builds the trie of `terms` (distinct, any order), keeping each node's children in character order, so
 * that a pre-order walk meets the terms sorted by code unit. Returns the trie, with `termAt` holding
 * sorted indexes, and `order`: the index in `terms` of each term in sorted order.
 */
function buildTrie(terms: readonly string[]): { trie: Trie; order: Int32Array } {
  let capacity = 1;
  for (const term of terms) capacity += term.length;
  const chars = new Uint16Array(capacity);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const parent = new Int32Array(capacity).fill(-1);
  const depth = new Uint16Array(capacity);
  const termAt = new Int32Array(capacity).fill(-1);
  let nodes = 1;
  for (let id = 0; id < terms.length; id++) {
    const term = terms[id]!;
    let node = 0;
    for (let d = 0; d < term.length; d++) {
      const c = term.charCodeAt(d);
      let before = -1;
      let child = firstChild[node]!;
      while (child >= 0 && chars[child]! < c) {
        before = child;
        child = nextSibling[child]!;
      }
      if (child >= 0 && chars[child] === c) {
        node = child;
        continue;
      }
      const fresh = nodes++;
      chars[fresh] = c;
      depth[fresh] = d + 1;
      parent[fresh] = node;
      nextSibling[fresh] = child;
      if (before < 0) firstChild[node] = fresh;
      else nextSibling[before] = fresh;
      node = fresh;
    }
    termAt[node] = id;
  }
  // Pre-order walk without a stack: down to the first child, else on to the next sibling of the
  // nearest node that has one.
  const order = new Int32Array(terms.length);
  const preorder = new Int32Array(nodes);
  let visited = 0;
  let sortedCount = 0;
  let node = 0;
  while (node >= 0) {
    preorder[visited++] = node;
    const id = termAt[node]!;
    if (id >= 0) {
      order[sortedCount] = id;
      termAt[node] = sortedCount++;
    }
    if (firstChild[node]! >= 0) {
      node = firstChild[node]!;
      continue;
    }
    while (node > 0 && nextSibling[node]! < 0) node = parent[node]!;
    node = node > 0 ? nextSibling[node]! : -1;
  }
  // Shortest and longest term below each node, children before parents.
  const minLength = new Uint16Array(nodes).fill(0xffff);
  const maxLength = new Uint16Array(nodes);
  for (let i = nodes - 1; i >= 0; i--) {
    const at = preorder[i]!;
    if (termAt[at]! >= 0) {
      if (depth[at]! < minLength[at]!) minLength[at] = depth[at]!;
      if (depth[at]! > maxLength[at]!) maxLength[at] = depth[at]!;
    }
    const up = parent[at]!;
    if (up >= 0) {
      if (minLength[at]! < minLength[up]!) minLength[up] = minLength[at]!;
      if (maxLength[at]! > maxLength[up]!) maxLength[up] = maxLength[at]!;
    }
  }
  return {
    trie: {
      chars: chars.subarray(0, nodes),
      firstChild: firstChild.subarray(0, nodes),
      nextSibling: nextSibling.subarray(0, nodes),
      termAt: termAt.subarray(0, nodes),
      minLength,
      maxLength,
    },
    order,
  };
}

function grow<T extends Int32Array | Uint16Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
