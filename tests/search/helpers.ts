import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDirectory } from '../../src/load/loader.js';
import type { EventArticle } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/index.js';
import type { Resolution } from '../../src/search/resolution.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The three seed articles; throws if any of them did not load cleanly. */
export async function loadSeeds(): Promise<EventArticle[]> {
  const { articles, files } = await loadDirectory(SEEDS_DIR);
  const problems = files.flatMap((file) => file.diagnostics);
  if (problems.length > 0) throw new Error(`seeds did not load cleanly: ${JSON.stringify(problems)}`);
  return articles;
}

/** A hand-written article from tests/fixtures/search; throws on any warning, so a fixture stays valid. */
export function loadFixture(name: string): EventArticle {
  const text = readFileSync(new URL(`../fixtures/search/${name}`, import.meta.url), 'utf8');
  const { article, warnings } = parseArticle(text, name);
  if (warnings.length > 0) throw new Error(`fixture ${name} has warnings: ${JSON.stringify(warnings)}`);
  return article;
}

/** A resolution with each value reduced to a key, for exact comparison. */
export type Outcome =
  | { kind: 'found'; value: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'missing'; suggestions: string[] };

export function outcomeOf<T>(resolution: Resolution<T>, key: (value: T) => string): Outcome {
  switch (resolution.kind) {
    case 'found':
      return { kind: 'found', value: key(resolution.value) };
    case 'ambiguous':
      return { kind: 'ambiguous', candidates: resolution.candidates.map(key) };
    case 'missing':
      return { kind: 'missing', suggestions: resolution.suggestions.map(key) };
  }
}
