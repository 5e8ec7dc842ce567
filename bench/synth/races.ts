import type { Skater } from './careers.js';
import type { Random } from './random.js';

export type Status = 'DQ' | 'DNF' | 'DNS';

/** One skater's line in one race. */
export interface Finish {
  skater: Skater;
  /** Null for a skater without a place: penalised, disqualified, did not finish or start. */
  rank: number | null;
  /** Null when the Time cell holds a status word or nothing. */
  ms: number | null;
  status: Status | null;
  note: string;
}

export interface SingleRow extends Finish {
  pair: number;
  lane: 'i' | 'o';
}

export interface MassRow extends Finish {
  heat: number | null;
  laps: number;
  sprints: [number, number, number, number];
  total: number;
}

export interface ShortRow extends Finish {
  heat: number | null;
}

export type ShortRoundName = 'Heats' | 'Quarterfinals' | 'Semifinals' | 'Final A' | 'Final B';

export interface ShortRound {
  name: ShortRoundName;
  heats: ShortRow[][];
}

export interface RaceContext {
  /** Winning time in milliseconds for this year, gender and distance. */
  baseMs: number;
  decimals: 1 | 2 | 3;
}

export function quantize(ms: number, decimals: number): number {
  const unit = 10 ** (3 - decimals);
  return Math.round(ms / unit) * unit;
}

/** Rounds each time to the article's precision and keeps the order strict where `strict` says so. */
function settle(times: number[], decimals: number, strict: (i: number) => boolean): number[] {
  const unit = 10 ** (3 - decimals);
  const out: number[] = [];
  for (const [i, t] of times.entries()) {
    const q = quantize(t, decimals);
    const prev = out[i - 1];
    if (prev === undefined) out.push(q);
    else out.push(strict(i) ? Math.max(q, prev + unit) : Math.max(q, prev));
  }
  return out;
}

function byPerformance(rng: Random, skaters: readonly Skater[], noise: number): Skater[] {
  return skaters
    .map((s) => ({ s, perf: s.ability + rng.normal() * noise }))
    .sort((a, b) => b.perf - a.perf)
    .map((x) => x.s);
}

const PENALTY_NOTES = [
  ['PEN', 85],
  ['YC', 8],
  ['DSQ', 7],
] as const;

/** A long-track distance: skaters race in pairs against the clock. */
export function runSingle(
  rng: Random,
  field: readonly Skater[],
  ctx: RaceContext,
  spread: number,
): SingleRow[] {
  const drawn = rng.shuffle([...field]);
  const innerFirst = rng.chance(0.5);
  const rows: SingleRow[] = drawn.map((skater, i) => ({
    skater,
    pair: Math.floor(i / 2) + 1,
    lane: (i % 2 === 0) === innerFirst ? 'i' : 'o',
    rank: null,
    ms: null,
    status: null,
    note: '',
  }));
  for (const row of rows) {
    if (rng.chance(0.025)) {
      row.status = rng.weighted([
        ['DQ', 45],
        ['DNF', 30],
        ['DNS', 25],
      ] as const);
    }
  }
  const finishers = rows
    .filter((r) => r.status === null)
    .map((row) => {
      const perf = Math.min(1.15, Math.max(-0.3, row.skater.ability + rng.normal() * 0.12));
      return { row, t: ctx.baseMs * (1 + spread * (1 - perf)) };
    })
    .sort((a, b) => a.t - b.t);
  // The podium is kept free of ties so the infobox names exactly one skater per medal.
  const times = settle(
    finishers.map((f) => f.t),
    ctx.decimals,
    (i) => i <= 3,
  );
  if (finishers.length > 6 && rng.chance(0.2)) {
    const k = rng.int(3, finishers.length - 2);
    times[k + 1] = times[k]!;
  }
  finishers.forEach((f, i) => {
    f.row.ms = times[i]!;
    f.row.rank = 1 + times.filter((t) => t < times[i]!).length;
  });
  const placed = finishers.map((f) => f.row);
  const out = rows.filter((r) => r.status !== null).sort((a, b) => a.pair - b.pair);
  return [...placed, ...out];
}

const FINAL_SPRINT = [60, 40, 20, 10, 6, 3];
const SPRINT = [3, 2, 1];
const LAPS = 16;

function massRace(
  rng: Random,
  field: readonly Skater[],
  ctx: RaceContext,
  heat: number | null,
  dnf: number,
): MassRow[] {
  const order = byPerformance(rng, field, 0.25);
  const rows: MassRow[] = order.map((skater) => ({
    skater,
    heat,
    laps: LAPS,
    sprints: [0, 0, 0, 0],
    total: 0,
    rank: null,
    ms: null,
    status: null,
    note: '',
  }));
  if (rows.length > 10 && rng.chance(dnf)) {
    const quitter = rows[rng.int(Math.ceil(rows.length / 2), rows.length - 1)]!;
    quitter.status = 'DNF';
    quitter.laps = rng.int(3, LAPS - 1);
  }
  const finishers = rows.filter((r) => r.status === null);
  const pack = Math.ceil(finishers.length * 0.6);
  let t = ctx.baseMs * rng.uniform(0.99, 1.01);
  const raw = finishers.map((_, i) => {
    if (i > 0) t += i < pack ? rng.uniform(50, 450) : rng.uniform(200, 5000);
    return t;
  });
  const times = settle(raw, ctx.decimals, () => true);
  finishers.forEach((r, i) => {
    r.ms = times[i]!;
    r.sprints[3] = FINAL_SPRINT[i] ?? 0;
  });
  for (let s = 0; s < 3; s++) {
    const lap = (s + 1) * 4;
    const eligible = rng.shuffle(rows.filter((r) => r.laps >= lap));
    eligible.slice(0, SPRINT.length).forEach((r, i) => (r.sprints[s] = SPRINT[i]!));
  }
  for (const r of rows) r.total = r.sprints.reduce((a, b) => a + b, 0);
  finishers.sort((a, b) => b.total - a.total || a.ms! - b.ms!);
  finishers.forEach((r, i) => (r.rank = i + 1));
  return [...finishers, ...rows.filter((r) => r.status !== null)];
}

/** Mass start: two semifinal heats, eight from each to a final of sixteen. */
export function runMassStart(
  rng: Random,
  field: readonly Skater[],
  ctx: RaceContext,
): { semis: MassRow[]; final: MassRow[] } {
  const heats = snake(rng, field, 2);
  const semis = heats.flatMap((h, i) =>
    massRace(rng, h, { ...ctx, baseMs: ctx.baseMs * 0.995 }, i + 1, 0.12),
  );
  const qualified: Skater[] = [];
  for (const row of semis) {
    if (row.rank !== null && row.rank <= 8) {
      row.note = 'Q';
      qualified.push(row.skater);
    }
  }
  return { semis, final: massRace(rng, qualified, ctx, null, 0.03) };
}

/** Splits skaters into `count` heats of near-equal strength (snake seeding on a noisy ranking). */
function snake(rng: Random, skaters: readonly Skater[], count: number): Skater[][] {
  const heats: Skater[][] = Array.from({ length: count }, () => []);
  byPerformance(rng, skaters, 0.2).forEach((s, i) => {
    const lap = Math.floor(i / count);
    const pos = i % count;
    heats[lap % 2 === 0 ? pos : count - 1 - pos]!.push(s);
  });
  return heats.filter((h) => h.length > 0);
}

interface HeatRisk {
  pen: number;
  dnf: number;
  dns: number;
  fall: number;
  slower: number;
}

function shortHeat(
  rng: Random,
  skaters: readonly Skater[],
  ctx: RaceContext,
  heat: number | null,
  risk: HeatRisk,
): ShortRow[] {
  const rows: ShortRow[] = byPerformance(rng, skaters, 0.22).map((skater) => ({
    skater,
    heat,
    rank: null,
    ms: null,
    status: null,
    note: '',
  }));
  for (const r of rows) {
    const x = rng.next();
    if (x < risk.dns) r.status = 'DNS';
    else if (x < risk.dns + risk.dnf) r.status = 'DNF';
    else if (x < risk.dns + risk.dnf + risk.pen) r.note = rng.weighted(PENALTY_NOTES);
  }
  const needed = Math.min(rows.length, 3);
  for (const r of rows) {
    if (rows.filter((x) => x.status === null && x.note === '').length >= needed) break;
    r.status = null;
    r.note = '';
  }
  const finishers = rows.filter((r) => r.status === null && r.note === '');
  const fell = finishers.length >= 3 && rng.chance(risk.fall);
  if (fell) {
    const [faller] = finishers.splice(rng.int(1, finishers.length - 1), 1);
    finishers.push(faller!);
  }
  let t = ctx.baseMs * risk.slower * rng.uniform(1, 1.02);
  const raw = finishers.map((_, i) => {
    if (i > 0) t += rng.uniform(20, 700);
    return t;
  });
  // A skater who fell gets up and finishes far behind, as the seed's 1:50.137 in a 1:25 heat.
  if (fell) raw[raw.length - 1]! += rng.uniform(8000, 30000);
  const times = settle(raw, ctx.decimals, () => true);
  finishers.forEach((r, i) => {
    r.ms = times[i]!;
    r.rank = i + 1;
  });
  return [...finishers, ...rows.filter((r) => !finishers.includes(r))];
}

const HEAT_RISK: HeatRisk = { pen: 0.045, dnf: 0.01, dns: 0.006, fall: 0.08, slower: 1.015 };
const FINAL_RISK: HeatRisk = { pen: 0.04, dnf: 0.008, dns: 0, fall: 0.05, slower: 1 };

function shortRound(
  rng: Random,
  name: ShortRoundName,
  skaters: readonly Skater[],
  heats: number,
  ctx: RaceContext,
): ShortRound {
  return {
    name,
    heats: snake(rng, skaters, heats).map((h, i) => shortHeat(rng, h, ctx, i + 1, HEAT_RISK)),
  };
}

/**
 * Marks who goes through: the first `perHeat` of each heat by place (Q), then the fastest of the rest until
 * `target` (q); sometimes the referee advances one more (ADV).
 */
function advance(round: ShortRound, perHeat: number, target: number, rng: Random, adv: number): Skater[] {
  const through: ShortRow[] = [];
  for (const heat of round.heats) {
    for (const r of heat) {
      if (r.rank !== null && r.rank <= perHeat) {
        r.note = 'Q';
        through.push(r);
      }
    }
  }
  const rest = round.heats
    .flat()
    .filter((r) => r.rank !== null && r.note === '')
    .sort((a, b) => a.ms! - b.ms!);
  for (const r of rest.slice(0, Math.max(0, target - through.length))) {
    r.note = 'q';
    through.push(r);
  }
  for (const heat of round.heats) {
    const lucky = heat.find((r) => r.rank !== null && r.note === '');
    if (lucky && rng.chance(adv)) {
      lucky.note = 'ADV';
      through.push(lucky);
    }
  }
  return through.map((r) => r.skater);
}

/** Short track: heats, perhaps quarterfinals, semifinals in 2 or 3 heats, then Final A and Final B. */
export function runShortTrack(rng: Random, field: readonly Skater[], ctx: RaceContext): ShortRound[] {
  const rounds: ShortRound[] = [];
  const threeSemis = rng.chance(0.3);
  const semiTarget = threeSemis ? 12 : 10;
  let next: Skater[];
  if (field.length >= 25) {
    const heats = shortRound(rng, 'Heats', field, Math.min(8, Math.ceil(field.length / 4)), ctx);
    rounds.push(heats);
    const quarters = shortRound(
      rng,
      'Quarterfinals',
      advance(heats, 2, rng.pick([16, 18]), rng, 0.12),
      4,
      ctx,
    );
    rounds.push(quarters);
    next = advance(quarters, threeSemis ? 3 : 2, semiTarget, rng, 0.1);
  } else {
    const heats = shortRound(rng, 'Heats', field, Math.ceil(field.length / 5), ctx);
    rounds.push(heats);
    next = advance(heats, 2, semiTarget, rng, 0.1);
  }
  const semis = shortRound(rng, 'Semifinals', next, threeSemis ? 3 : 2, ctx);
  rounds.push(semis);

  const finalA: ShortRow[] = [];
  for (const heat of semis.heats) {
    for (const r of heat) {
      if (r.rank !== null && r.rank <= (threeSemis ? 1 : 2)) {
        r.note = 'QA';
        finalA.push(r);
      }
    }
  }
  const ranked = semis.heats
    .flat()
    .filter((r) => r.rank !== null && r.note === '')
    .sort((a, b) => a.rank! - b.rank! || a.ms! - b.ms!);
  while (finalA.length < 5 && ranked.length > 0) {
    const fastest = ranked.reduce((best, r) => (r.ms! < best.ms! ? r : best));
    ranked.splice(ranked.indexOf(fastest), 1);
    fastest.note = 'qA';
    finalA.push(fastest);
  }
  const finalB = ranked.slice(0, 7);
  for (const r of finalB) r.note = 'QB';

  const a = shortHeat(
    rng,
    byPerformance(
      rng,
      finalA.map((r) => r.skater),
      0.2,
    ),
    ctx,
    null,
    FINAL_RISK,
  );
  rounds.push({ name: 'Final A', heats: [a] });
  if (finalB.length > 0) {
    const b = shortHeat(
      rng,
      finalB.map((r) => r.skater),
      { ...ctx, baseMs: ctx.baseMs * 1.01 },
      null,
      FINAL_RISK,
    );
    for (const r of b) if (r.rank !== null) r.rank += a.length;
    rounds.push({ name: 'Final B', heats: [b] });
  }
  return rounds;
}
