import type { Diagnostic, EventArticle, Heat, Position, ResultRow, Round } from './schemas.js';

type At = (line: number, needle?: string) => Position;

function warn(at: At, line: number, message: string, needle?: string): Diagnostic {
  return { severity: 'warning', message, position: at(line, needle) };
}

function timeOf(row: ResultRow): number | null {
  return row.mark.kind === 'time' ? row.mark.time.ms : null;
}

/** The round that decides the medals: Final A where there is one, otherwise the last round. */
export function decidingRound(article: EventArticle): Round | undefined {
  return article.rounds.find((round) => round.kind === 'final') ?? article.rounds.at(-1);
}

/** Mass start: Total = S1+S2+S3+S4, and ranks follow points (descending) then time (ascending). */
function checkPoints(heat: Heat, at: At, out: Diagnostic[]): void {
  for (const row of heat.rows) {
    if (!row.points) continue;
    const sum = row.points.sprints.reduce<number>((total, p) => total + (p ?? 0), 0);
    if (sum !== row.points.total)
      out.push(warn(at, row.line, `Total ${row.points.total} is not S1+S2+S3+S4 = ${sum}`));
  }
  const ranked = heat.rows.filter((row) => row.rank !== null && row.points);
  for (let i = 1; i < ranked.length; i++) {
    const a = ranked[i - 1] as ResultRow;
    const b = ranked[i] as ResultRow;
    const pa = a.points?.total ?? 0;
    const pb = b.points?.total ?? 0;
    const ta = timeOf(a);
    const tb = timeOf(b);
    const inOrder = pa > pb || (pa === pb && (ta === null || tb === null || ta <= tb));
    if (!inOrder || (a.rank ?? 0) > (b.rank ?? 0)) {
      out.push(
        warn(at, b.line, `rank ${b.rank} (${pb} points) is out of order after rank ${a.rank} (${pa} points)`),
      );
    }
  }
}

/** Short track and similar heats: ranks 1..n for skaters with a time, consecutive from `first`. */
function checkHeatRanks(heat: Heat, first: number, at: At, out: Diagnostic[]): void {
  const ranked = heat.rows.filter((row) => row.rank !== null);
  const ranks = ranked.map((row) => row.rank);
  const timed = heat.rows.filter((row) => timeOf(row) !== null).length;
  // The warning points at the first row out of place, not at the top of the heat.
  const wrong = ranked.find((row, i) => row.rank !== first + i);
  const untimed = heat.rows.find((row) => (row.rank === null) !== (timeOf(row) === null));
  if (wrong) {
    out.push(
      warn(
        at,
        wrong.line,
        `ranks ${ranks.join(', ')} in heat ${heat.number ?? ''} are not ${first}..${first + ranks.length - 1}`.replace(
          '  ',
          ' ',
        ),
      ),
    );
  } else if (ranks.length !== timed) {
    out.push(
      warn(
        at,
        untimed?.line ?? heat.rows[0]?.line ?? 1,
        `heat ${heat.number ?? ''} has ${ranks.length} ranked skaters but ${timed} times`,
      ),
    );
  }
}

/** A single timed race: competition ranking by time, so ties share a rank and the next rank is skipped. */
function checkRaceRanks(heat: Heat, at: At, out: Diagnostic[]): void {
  const timed = heat.rows.filter((row) => row.rank !== null && timeOf(row) !== null);
  // Sorted once and searched, not counted per row, which would cost the square of the race's size.
  const sorted = timed.map((row) => timeOf(row) ?? 0).sort((a, b) => a - b);
  const faster = (t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const row of timed) {
    const t = timeOf(row) ?? 0;
    const expected = 1 + faster(t);
    if (row.rank !== expected)
      out.push(
        warn(
          at,
          row.line,
          `rank ${row.rank} does not match the time ${row.mark.kind === 'time' ? row.mark.time.text : ''} (expected ${expected})`,
        ),
      );
  }
}

/**
 * The facts DATA.md says must hold for an article. Each broken fact is a positioned warning;
 * nothing here throws, because a wrong cell in one article must not take the bot down.
 * `keyLine` gives the line of an infobox key (lower case), so an infobox fact points at its own line.
 */
export function checkInvariants(
  article: EventArticle,
  at: At,
  keyLine: (key: string) => number = () => article.infobox?.line ?? 1,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const finals = article.rounds.filter((round) => round.kind === 'final' || round.kind.startsWith('final-'));
  for (const round of article.rounds) {
    // Final B ranks continue after Final A (6-10), Final C after B. Whether a skater penalised in
    // Final A takes up a place varies between articles, so both starting points are accepted. The
    // counts are the round's, not the heat's: counted per heat, many heats over a long Final A square.
    let before: { ranked: number; all: number } | null = null;
    const countBefore = () => {
      if (before) return before;
      const earlier = finals.filter((other) => round.kind.startsWith('final-') && other.kind < round.kind);
      const count = (keep: (r: ResultRow) => boolean) =>
        earlier.reduce((n, other) => n + other.heats.reduce((m, h) => m + h.rows.filter(keep).length, 0), 0);
      before = { ranked: count((r) => r.rank !== null), all: count(() => true) };
      return before;
    };
    for (const heat of round.heats) {
      if (heat.rows.some((row) => row.points)) {
        checkPoints(heat, at, out);
      } else if (
        round.kind === 'race' ||
        (article.sport === 'long-track' && round.heats.length === 1 && heat.rows.some((r) => r.pair !== null))
      ) {
        checkRaceRanks(heat, at, out);
      } else {
        const { ranked, all } = countBefore();
        const firstRank = heat.rows.find((r) => r.rank !== null)?.rank;
        checkHeatRanks(heat, firstRank === all + 1 ? all + 1 : ranked + 1, at, out);
      }
    }
  }

  const infobox = article.infobox;
  const deciding = decidingRound(article);
  if (!infobox || !deciding) return out;
  const rows = deciding.heats.flatMap((heat) => heat.rows);
  const winner = rows.find((row) => row.rank === 1);
  if (infobox.win && winner) {
    const win = infobox.win;
    const ok = win.kind === 'points' ? winner.points?.total === win.points : timeOf(winner) === win.time.ms;
    const shown = win.kind === 'points' ? String(win.points) : win.time.text;
    if (!ok)
      out.push(
        warn(
          at,
          keyLine('win value'),
          `infobox winning value ${shown} is not the winner's (${winner.name})`,
          shown,
        ),
      );
  }
  for (const [index, medal] of (['gold', 'silver', 'bronze'] as const).entries()) {
    const stated = infobox.medallists.find((m) => m.medal === medal);
    const placed = rows.filter((row) => row.rank === index + 1);
    if (stated && placed.length > 0 && !placed.some((row) => row.athleteId === stated.athleteId)) {
      out.push(
        warn(
          at,
          keyLine(medal),
          `infobox ${medal} ${stated.name} is not ranked ${index + 1} in ${deciding.label}`,
          stated.name,
        ),
      );
    }
  }
  const firstRound = article.rounds[0];
  if (infobox.competitors !== null && firstRound) {
    const skaters = new Set(firstRound.heats.flatMap((heat) => heat.rows.map((row) => row.athleteId)));
    if (skaters.size !== infobox.competitors) {
      out.push(
        warn(
          at,
          keyLine('competitors'),
          `infobox gives ${infobox.competitors} competitors; ${firstRound.label} has ${skaters.size} skaters`,
          String(infobox.competitors),
        ),
      );
    }
  }
  return out;
}
