// The large fuzz run: `npm run fuzz` (100k documents), `npm run fuzz -- --runs 1000000`, and to replay a
// failure `npm run fuzz -- --seed <seed> --path <path>` as printed. Exits 1 when a property breaks.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { LARGE_SIZE, bigDocuments, fuzzDocument } from './arbitraries.js';
import { checkDocument } from './oracle.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    path: { type: 'string' },
  },
});
const runs = Number(values.runs);
const started = performance.now();
const tally = {
  documents: 0,
  articles: 0,
  errors: 0,
  warnings: 0,
  characters: 0,
  longest: 0,
  slowestMs: 0,
};
let shrinking = false;

const property = fc.property(fuzzDocument(LARGE_SIZE), (doc) => {
  const verdict = checkDocument(doc.text);
  // Shrinking re-runs the property on smaller documents; only the generated ones are counted.
  if (shrinking) return;
  tally.documents++;
  tally[verdict.outcome === 'article' ? 'articles' : 'errors']++;
  tally.warnings += verdict.warnings;
  tally.characters += doc.text.length;
  tally.longest = Math.max(tally.longest, doc.text.length);
  tally.slowestMs = Math.max(tally.slowestMs, verdict.ms);
  if (tally.documents % 10_000 === 0)
    console.log(`${tally.documents} documents, ${Math.round((performance.now() - started) / 1000)} s`);
});

const details = fc.check(property, {
  numRuns: runs,
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  ...(values.path === undefined ? {} : { path: values.path }),
  reporter: (run) => {
    if (run.failed) shrinking = true;
  },
});
if (details.failed) shrinking = true;

let bigFailures = 0;
for (const { name, text } of values.path === undefined ? bigDocuments() : []) {
  try {
    const verdict = checkDocument(text);
    tally.documents++;
    console.log(
      `big document "${name}" (${text.length} chars): ${verdict.outcome} in ${Math.round(verdict.ms)} ms`,
    );
  } catch (error) {
    bigFailures++;
    console.log(`big document "${name}" FAILED: ${String(error)}`);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  [
    `documents fuzzed: ${tally.documents} (${tally.articles} articles, ${tally.errors} positioned errors, ${tally.warnings} warnings)`,
    `characters: ${tally.characters}, longest document ${tally.longest}; slowest: ${Math.round(tally.slowestMs)} ms`,
    `time: ${seconds} s`,
    `seed: ${details.seed}`,
  ].join('\n'),
);
if (details.failed) {
  console.log(`FAILURE after ${details.numRuns} documents (${details.numShrinks} shrinks)`);
  console.log(`counterexample: ${fc.stringify(details.counterexample?.[0])}`);
  console.log(`error: ${String(details.errorInstance)}`);
  console.log(`reproduce: npm run fuzz -- --seed ${details.seed} --path ${details.counterexamplePath}`);
}
console.log(`failures: ${(details.failed ? 1 : 0) + bigFailures}`);
process.exit(details.failed || bigFailures > 0 ? 1 : 0);
