import type { Slot, Venue } from './calendar.js';
import type { Skater } from './careers.js';
import { NATIONS } from './names.js';
import type { Finish, MassRow, ShortRound, ShortRow, SingleRow } from './races.js';
import type { Random } from './random.js';

export type Result =
  | { format: 'single'; rows: SingleRow[] }
  | { format: 'mass-start'; semis: MassRow[]; final: MassRow[] }
  | { format: 'short-track'; rounds: ShortRound[] };

export interface OlympicRecord {
  name: string;
  ms: number;
  decimals: number;
  day: number;
  year: number;
  world: boolean;
}

export interface Edition {
  year: number;
  medallists: readonly Skater[];
}

export interface ArticleInput {
  slot: Slot;
  venue: Venue;
  decimals: 1 | 2 | 3;
  /** Days in February: the first day, and the finals' day when the event ran over two days. */
  day: number;
  finalsDay: number | null;
  result: Result;
  medallists: readonly Skater[];
  firstRound: readonly Skater[];
  prev: number | null;
  next: number | null;
  defending: Edition | null;
  priorRecord: OlympicRecord | null;
  newRecord: OlympicRecord | null;
}

export function formatTime(ms: number, decimals: number): string {
  const per = 10 ** decimals;
  const units = Math.round(ms / 10 ** (3 - decimals));
  const whole = Math.floor(units / per);
  const frac = String(units % per).padStart(decimals, '0');
  if (whole < 60) return `${whole}.${frac}`;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}.${frac}`;
}

function tableRow(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

function nation(s: Skater): string {
  return NATIONS[s.noc] ?? s.noc;
}

function his(s: Skater): string {
  return s.gender === 'men' ? 'his' : 'her';
}

export function eventName(slot: Slot): string {
  const who = slot.gender === 'men' ? "Men's" : "Women's";
  const metres = slot.discipline.metres;
  if (metres === null) return `${who} mass start`;
  // Wikipedia writes five-digit distances with a thousands separator: "10,000 metres".
  return `${who} ${metres >= 10000 ? String(metres).replace(/\B(?=(\d{3})+$)/g, ',') : String(metres)} metres`;
}

function sportLabel(slot: Slot): string {
  return slot.discipline.sport === 'long-track' ? 'Speed skating' : 'Short-track speed skating';
}

function cupName(slot: Slot, year: number): string {
  if (slot.discipline.sport === 'long-track') return 'ISU Speed Skating World Cup';
  return year >= 2023 ? 'ISU Short Track World Tour' : 'ISU Short Track Speed Skating World Cup';
}

/** Text builder for one article; style choices are drawn once per article. */
class Writer {
  readonly lines: string[] = [];
  private readonly spacing: number;
  readonly nameHeader: string;
  readonly dash: string;

  constructor(
    private readonly rng: Random,
    format: Result['format'],
  ) {
    this.spacing = rng.pick([0.05, 0.5, 0.95]);
    this.nameHeader = rng.chance(0.3) ? 'Athlete' : 'Name';
    this.dash = rng.chance(format === 'short-track' ? 0.15 : 0.4) ? '–' : '';
  }

  heading(level: number, text: string): void {
    const marks = '='.repeat(level);
    this.lines.push(this.rng.chance(this.spacing) ? `${marks} ${text} ${marks}` : `${marks}${text}${marks}`);
  }

  blank(): void {
    this.lines.push('');
  }

  paragraph(sentences: readonly string[]): void {
    this.lines.push(sentences.filter((s) => s.length > 0).join(' '));
    this.blank();
  }

  table(header: readonly string[], rows: readonly (readonly string[])[]): void {
    this.lines.push(tableRow(header), ...rows.map(tableRow));
  }

  rank(f: Finish): string {
    return f.rank === null ? this.dash : String(f.rank);
  }
}

function time(f: Finish, decimals: number): string {
  if (f.ms !== null) return formatTime(f.ms, decimals);
  return f.status ?? '';
}

function startLine(day: number, year: number, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${day} February ${year}, ${hh}:${mm}`;
}

export function renderArticle(input: ArticleInput, rng: Random): string {
  const { slot, result, medallists } = input;
  const year = slot.year;
  const w = new Writer(rng, result.format);
  const [gold, silver, bronze] = medallists as [Skater, Skater, Skater];
  const name = eventName(slot);

  w.lines.push(`= ${sportLabel(slot)} at the ${year} Winter Olympics – ${name} =`, '');

  const nations = new Set(input.firstRound.map((s) => s.noc)).size;
  const winValue =
    result.format === 'mass-start'
      ? String(result.final[0]!.total)
      : formatTime(winnerRow(result).ms!, input.decimals);
  const venue = rng.chance(0.35)
    ? `${input.venue.name},, ${input.venue.city}`
    : `${input.venue.name}, ${input.venue.city}`;
  const date =
    input.finalsDay !== null
      ? `${input.day} and ${input.finalsDay} February`
      : rng.chance(0.8)
        ? `${input.day} February ${year}`
        : `${input.day} February`;
  const box: [string, string][] = [
    ['Event', name],
    ['Games', `${year} Winter`],
    ['Venue', venue],
    ['Date', date],
    ['Competitors', String(input.firstRound.length)],
    ['Nations', String(nations)],
    ['Win Value', winValue],
  ];
  if (result.format === 'mass-start') box.push(['Win Label', 'Winning points']);
  for (const [medal, s] of [
    ['Gold', gold],
    ['Silver', silver],
    ['Bronze', bronze],
  ] as const) {
    box.push([medal, s.name], [`${medal}noc`, s.noc]);
  }
  if (input.prev !== null) box.push(['Prev', String(input.prev)]);
  if (input.next !== null) box.push(['Next', String(input.next)]);
  w.lines.push('Infobox', ...box.map(([k, v]) => `- ${k}: ${v}`), '');

  const when =
    input.finalsDay !== null
      ? `${input.day} February (heats) and ${input.finalsDay} February (finals), ${year}`
      : `${input.day} February`;
  const sportLower = slot.discipline.sport === 'long-track' ? 'speed skating' : 'short-track speed skating';
  const firstMedal = (s: Skater): string =>
    s.medals === 0 ? `, ${his(s)} first individual Olympic medal` : '';
  const title = (s: Skater): string =>
    s.golds > 0 ? `, ${his(s)} ${ordinal(s.golds + 1)} Olympic title` : '';
  const medalText = rng.pick([
    [
      `${gold.name} of ${nation(gold)} won the event${title(gold)}.`,
      `${silver.name} of ${nation(silver)} won the silver medal${firstMedal(silver)}, and ${bronze.name} of ${nation(bronze)} won bronze.`,
    ],
    [
      `${gold.name} of ${nation(gold)} won the gold medal, ahead of ${silver.name} of ${nation(silver)} and ${bronze.name} of ${nation(bronze)}.`,
    ],
    [
      `${gold.name} of ${nation(gold)} won the event${firstMedal(gold)}.`,
      `${silver.name} of ${nation(silver)} won the silver medal and ${bronze.name} of ${nation(bronze)} bronze${firstMedal(bronze)}.`,
    ],
  ]);
  w.paragraph([
    `The ${slot.gender}'s ${name.replace(/^\w+'s /, '')} competition in ${sportLower} at the ${year} Winter Olympics was held on ${when}, at the ${input.venue.name} in ${input.venue.city}.`,
    ...medalText,
  ]);

  const season = `${year - 1}–${String(year % 100).padStart(2, '0')}`;
  const inField = new Set(input.firstRound.map((s) => s.id));
  const favourites = [...input.firstRound].sort((a, b) => b.ability - a.ability);
  const background: string[] = [];
  if (input.defending) {
    const [dGold, dSilver] = input.defending.medallists as [Skater, Skater];
    background.push(
      `The defending champion, ${dGold.name}, ${inField.has(dGold.id) ? rng.pick(['qualified for the event', 'was among the entrants', 'competed again']) : rng.pick(['did not compete', 'was not available to defend the title'])}.`,
      `The ${input.defending.year} silver medalist, ${dSilver.name}, ${inField.has(dSilver.id) ? 'also qualified' : 'did not qualify'}.`,
    );
  }
  const distance = slot.discipline.metres === null ? 'mass-start' : `${slot.discipline.metres} m`;
  background.push(
    `Before the Olympics, ${favourites[0]!.name} was leading the ${distance} standings of the ${season} ${cupName(slot, year)}, closely followed by ${favourites[1]!.name}${rng.chance(0.5) ? `, who was also the ${year - 1} World champion` : ''}.`,
  );
  if (rng.chance(0.85)) {
    w.heading(2, 'Background');
    w.paragraph(background);
  }

  if (rng.chance(0.4)) {
    w.heading(2, 'Qualification');
    w.blank();
    w.paragraph([
      `Countries were assigned quotas based on their performance during the ${season} ${cupName(slot, year)}.`,
      `A total of ${input.firstRound.length} athletes from ${nations} nations qualified for the event.`,
    ]);
  }

  const recordTable = (r: OlympicRecord): void => {
    w.blank();
    w.table(
      ['Date', 'Athlete', 'Time', 'OR', 'WR'],
      [[`${r.day} February ${r.year}`, r.name, formatTime(r.ms, r.decimals), 'OR', r.world ? 'WR' : '']],
    );
    w.blank();
  };
  const hasRecord = input.priorRecord !== null || input.newRecord !== null;
  if (result.format !== 'mass-start' && rng.chance(hasRecord ? 0.6 : 0.2)) {
    w.heading(2, 'Records');
    w.lines.push('Prior to this competition, the world and Olympic records were as follows.');
    // Most dumps lost the records tables; where they survived they must not be mistaken for races.
    const tables = hasRecord && rng.chance(0.6);
    if (tables && input.priorRecord) recordTable(input.priorRecord);
    else w.blank();
    if (input.newRecord) {
      w.lines.push('The following records were set during this competition.');
      if (tables) recordTable(input.newRecord);
      else w.blank();
    }
  }

  const summary = summarise(input, rng);
  if (summary.length > 0 && rng.chance(0.6)) {
    w.heading(2, 'Summary');
    w.paragraph(summary);
  }

  w.heading(2, 'Results');
  if (rng.chance(0.4)) w.blank();
  if (result.format === 'single') renderSingle(w, rng, result.rows, input.decimals, year);
  else if (result.format === 'mass-start') renderMassStart(w, rng, result, input);
  else renderShortTrack(w, rng, result.rounds, input);
  while (w.lines[w.lines.length - 1] === '') w.lines.pop();
  return `${w.lines.join('\n')}\n`;
}

function winnerRow(result: Result): Finish {
  if (result.format === 'single') return result.rows[0]!;
  if (result.format === 'mass-start') return result.final[0]!;
  return result.rounds.find((r) => r.name === 'Final A')!.heats[0]![0]!;
}

function summarise(input: ArticleInput, rng: Random): string[] {
  const { result, medallists } = input;
  const [gold, silver, bronze] = medallists as [Skater, Skater, Skater];
  const out: string[] = [];
  if (result.format === 'single') {
    const [first, second] = result.rows as [SingleRow, SingleRow];
    out.push(
      `${gold.name} skated in pair ${first.pair} and set a time of ${formatTime(first.ms!, input.decimals)}${input.newRecord ? ', a new Olympic record' : ''}.`,
      `${silver.name} finished ${formatTime(second.ms! - first.ms!, input.decimals)} seconds behind, and ${bronze.name} took bronze.`,
    );
    for (const r of result.rows.filter((x) => x.status !== null)) {
      const verb =
        r.status === 'DQ' ? 'was disqualified' : r.status === 'DNF' ? 'did not finish' : 'did not start';
      out.push(`${r.skater.name} ${verb}.`);
    }
  } else if (result.format === 'mass-start') {
    const breakaway = [...result.final]
      .sort(
        (a, b) => b.sprints[0] + b.sprints[1] + b.sprints[2] - (a.sprints[0] + a.sprints[1] + a.sprints[2]),
      )
      .slice(0, 2);
    out.push(
      `${breakaway[0]!.skater.name} and ${breakaway[1]!.skater.name} escaped, and at some point were half a lap ahead of the pursuit group.`,
      `${gold.name} won the final sprint, ${silver.name} was second and ${bronze.name} third.`,
    );
  } else {
    out.push(
      `In the final, ${gold.name} ${rng.pick(['led from the start', 'took the lead with three laps to go', `passed ${silver.name} on the last lap`])} and won the race.`,
    );
    for (const round of result.rounds) {
      for (const r of round.heats.flat()) {
        if (r.rank === null && r.status === null && rng.chance(0.5)) {
          out.push(`${r.skater.name} was penalised in the ${round.name.toLowerCase()}.`);
        } else if (r.note === 'ADV') {
          out.push(
            `${r.skater.name} was advanced by the referee after being impeded in the ${round.name.toLowerCase()}.`,
          );
        }
      }
    }
  }
  return out;
}

const SINGLE_LAYOUTS: readonly (readonly [readonly string[], number])[] = [
  [['Rank', 'Pair', 'Lane', 'Name', 'Country', 'Time', 'Time behind', 'Notes'], 5],
  [['Rank', 'Name', 'Country', 'Pair', 'Lane', 'Time', 'Time behind', 'Notes'], 2],
  [['Rank', 'Pair', 'Lane', 'Name', 'Country', 'Time', 'Notes'], 2],
  [['Rank', 'Name', 'Country', 'Time', 'Notes'], 2],
  [['Rank', 'Name', 'Country', 'Time', 'Time behind'], 1],
  [['Pair', 'Lane', 'Name', 'Country', 'Time', 'Time behind', 'Rank', 'Notes'], 1],
];

function renderSingle(
  w: Writer,
  rng: Random,
  rows: readonly SingleRow[],
  decimals: number,
  year: number,
): void {
  const layout = year < 1960 && rng.chance(0.5) ? SINGLE_LAYOUTS[3]![0] : rng.weighted(SINGLE_LAYOUTS);
  const winner = rows[0]!.ms!;
  const cell = (r: SingleRow, column: string): string => {
    switch (column) {
      case 'Rank':
        return w.rank(r);
      case 'Pair':
        return String(r.pair);
      case 'Lane':
        return r.lane;
      case 'Name':
        return r.skater.name;
      case 'Time':
        return time(r, decimals);
      case 'Time behind':
        return r.ms === null || r.rank === 1 ? '' : `+${formatTime(r.ms - winner, decimals)}`;
      case 'Notes':
        return r.note;
      default:
        return '';
    }
  };
  w.table(
    layout.map((c) => (c === 'Name' ? w.nameHeader : c)),
    rows.map((r) => layout.map((c) => cell(r, c))),
  );
}

function massCells(w: Writer, r: MassRow, decimals: number): string[] {
  return [
    w.rank(r),
    ...(r.heat === null ? [] : [String(r.heat)]),
    r.skater.name,
    '',
    String(r.laps),
    ...r.sprints.map((p) => (p === 0 ? '' : String(p))),
    String(r.total),
    time(r, decimals),
    ...(r.heat === null ? [] : [r.note]),
  ];
}

function renderMassStart(
  w: Writer,
  rng: Random,
  result: Extract<Result, { format: 'mass-start' }>,
  input: ArticleInput,
): void {
  const withTimes = rng.chance(0.35);
  const semiStart = rng.int(13 * 60, 15 * 60);
  const blank = (n: number): string[] => Array.from({ length: n }, () => '');
  w.heading(3, 'Semifinals');
  if (withTimes) w.lines.push(startLine(input.day, input.slot.year, semiStart));
  w.table(
    ['Rank', 'Heat', w.nameHeader, 'Country', 'Laps', 'Points', 'Time', 'Notes', ...blank(4)],
    [
      ['S1', 'S2', 'S3', 'S4', 'Total', ...blank(7)],
      ...result.semis.map((r) => massCells(w, r, input.decimals)),
    ],
  );
  w.blank();
  w.heading(3, 'Final');
  if (withTimes) w.lines.push(startLine(input.day, input.slot.year, semiStart + rng.int(90, 150)));
  w.table(
    ['Rank', w.nameHeader, 'Country', 'Laps', 'Points', 'Time', ...blank(4)],
    [
      ['S1', 'S2', 'S3', 'S4', 'Total', ...blank(5)],
      ...result.final.map((r) => massCells(w, r, input.decimals)),
    ],
  );
}

function renderShortTrack(w: Writer, rng: Random, rounds: readonly ShortRound[], input: ArticleInput): void {
  const withTimes = rng.chance(0.75);
  const heatFirst = rng.chance(0.2);
  const finalsDay = input.finalsDay ?? input.day;
  let clock = rng.int(10 * 60, 13 * 60);
  const shortCells = (r: ShortRow, withHeat: boolean): string[] => {
    const head = withHeat
      ? heatFirst
        ? [String(r.heat), w.rank(r)]
        : [w.rank(r), String(r.heat)]
      : [w.rank(r)];
    return [...head, r.skater.name, '', time(r, input.decimals), r.note];
  };
  const emit = (round: ShortRound, level: number, day: number): void => {
    w.heading(level, round.name);
    if (withTimes) w.lines.push(startLine(day, input.slot.year, clock));
    const withHeat = !round.name.startsWith('Final');
    const head = withHeat ? (heatFirst ? ['Heat', 'Rank'] : ['Rank', 'Heat']) : ['Rank'];
    w.table(
      [...head, w.nameHeader, 'Country', 'Time', 'Notes'],
      round.heats.flat().map((r) => shortCells(r, withHeat)),
    );
    w.blank();
  };
  for (const round of rounds.filter((r) => !r.name.startsWith('Final'))) {
    const evening = round.name === 'Quarterfinals' || (round.name === 'Semifinals' && rounds[1] === round);
    if (evening) clock = rng.int(19 * 60 + 30, 20 * 60 + 45);
    else if (round.name !== 'Heats') clock += rng.int(35, 45);
    emit(round, 3, round.name === 'Heats' ? input.day : finalsDay);
  }
  const finals = rounds.filter((r) => r.name.startsWith('Final'));
  w.heading(3, 'Finals');
  // Articles list the finals in the order they were skated, usually Final B first.
  const ordered = rng.chance(0.6) ? [...finals].reverse() : finals;
  clock += rng.int(35, 45);
  for (const round of ordered) {
    emit(round, 4, finalsDay);
    clock += rng.int(5, 8);
  }
}
