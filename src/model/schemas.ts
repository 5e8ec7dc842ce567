import { z } from 'zod';

/** A position in a source article; `line` and `column` are 1-based. */
export const Position = z.object({
  source: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  text: z.string(),
});
export type Position = z.infer<typeof Position>;

/** A race time as the article wrote it, plus its value; `decimals` is how many digits follow the point. */
export const RaceTime = z.object({
  text: z.string().min(1),
  ms: z.number().int().nonnegative(),
  decimals: z.number().int().min(0).max(3),
});
export type RaceTime = z.infer<typeof RaceTime>;

/** What the Time cell held: a time, a status word (DQ, DNF, DNS, ...), or nothing. */
export const Mark = z.discriminatedUnion('kind', [
  /** A finishing time. */
  z.object({ kind: z.literal('time'), time: RaceTime }),
  /** A status word in place of a time, kept as written. */
  z.object({ kind: z.literal('status'), text: z.string().min(1) }),
  /** An empty cell. */
  z.object({ kind: z.literal('none') }),
]);
export type Mark = z.infer<typeof Mark>;

/** Mass-start sprint points: S1-S3 intermediate sprints, S4 the final sprint; blank sprint cells are null. */
export const SprintPoints = z.object({
  sprints: z.tuple([
    z.number().int().nonnegative().nullable(),
    z.number().int().nonnegative().nullable(),
    z.number().int().nonnegative().nullable(),
    z.number().int().nonnegative().nullable(),
  ]),
  total: z.number().int().nonnegative(),
});
export type SprintPoints = z.infer<typeof SprintPoints>;

/** One row of a results table. */
export const ResultRow = z.object({
  /** Line of the row in the source article. */
  line: z.number().int().positive(),
  /** Rank as a number; null when blank or a dash (penalised, disqualified, did not finish). */
  rank: z.number().int().positive().nullable(),
  name: z.string().min(1),
  /** Athlete key (see `athleteKey`): the same person across rounds and events. */
  athleteId: z.string().min(1),
  /** The Country cell as written, null when empty (it is empty in every seed). */
  country: z.string().nullable(),
  pair: z.number().int().positive().nullable(),
  lane: z.string().nullable(),
  laps: z.number().int().nonnegative().nullable(),
  points: SprintPoints.nullable(),
  mark: Mark,
  /** The Time behind cell as written. */
  behind: z.string().nullable(),
  /** Note codes as written (Q, q, ADV, PEN, QA, qA, QB, or anything else). */
  notes: z.array(z.string().min(1)),
});
export type ResultRow = z.infer<typeof ResultRow>;

/** One race within a round; `number` is the heat number, null when the round is a single race. */
export const Heat = z.object({
  number: z.number().int().positive().nullable(),
  rows: z.array(ResultRow).min(1),
});
export type Heat = z.infer<typeof Heat>;

/** The round kinds users type; `race` is a single race with its table directly under Results. */
export const RoundKind = z.enum([
  'heat',
  'quarterfinal',
  'semifinal',
  'final',
  'final-b',
  'final-c',
  'final-d',
  'race',
  'other',
]);
export type RoundKind = z.infer<typeof RoundKind>;

/** A start time as written, with its instant when the venue's time zone is known. */
export const StartTime = z.object({
  text: z.string(),
  /** ISO local date-time at the venue, e.g. 2026-02-10T11:10. */
  local: z.string(),
  /** Seconds since the epoch, or null when the venue's UTC offset is unknown. */
  unix: z.number().int().nullable(),
});
export type StartTime = z.infer<typeof StartTime>;

/** A round of an event, in article order. */
export const Round = z.object({
  /** Stable id within the event: heat, quarterfinal, semifinal, final, final-b, race, or a slug. */
  id: z.string().min(1),
  kind: RoundKind,
  /** The heading as written, e.g. "Final A". */
  label: z.string().min(1),
  line: z.number().int().positive(),
  start: StartTime.nullable(),
  heats: z.array(Heat).min(1),
});
export type Round = z.infer<typeof Round>;

export const Medal = z.enum(['gold', 'silver', 'bronze']);
export type Medal = z.infer<typeof Medal>;

/** The winning value from the infobox: points (mass start) or a time. */
export const WinValue = z.discriminatedUnion('kind', [
  /** Winning points. */
  z.object({ kind: z.literal('points'), points: z.number().int().nonnegative(), label: z.string() }),
  /** Winning time. */
  z.object({ kind: z.literal('time'), time: RaceTime, label: z.string() }),
]);
export type WinValue = z.infer<typeof WinValue>;

export const Medallist = z.object({
  medal: Medal,
  name: z.string().min(1),
  athleteId: z.string().min(1),
  /** IOC code as the infobox states it, null when absent. */
  noc: z.string().nullable(),
});
export type Medallist = z.infer<typeof Medallist>;

/** The infobox: every key as written, plus the normalised fields the bot shows. */
export const Infobox = z.object({
  raw: z.record(z.string(), z.string()),
  line: z.number().int().positive(),
  event: z.string().nullable(),
  venue: z.string().nullable(),
  /** ISO dates (YYYY-MM-DD) of the competition days, in order. */
  dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  dateText: z.string().nullable(),
  competitors: z.number().int().nonnegative().nullable(),
  nations: z.number().int().nonnegative().nullable(),
  win: WinValue.nullable(),
  medallists: z.array(Medallist),
  prev: z.string().nullable(),
  next: z.string().nullable(),
});
export type Infobox = z.infer<typeof Infobox>;

/** A prose section: the lead (heading null) or a titled section, with its paragraphs. */
export const Section = z.object({
  heading: z.string().nullable(),
  level: z.number().int().min(1).max(6),
  line: z.number().int().positive(),
  paragraphs: z.array(z.string()),
});
export type Section = z.infer<typeof Section>;

export const Sport = z.enum(['long-track', 'short-track']);
export type Sport = z.infer<typeof Sport>;

export const Gender = z.enum(['men', 'women', 'mixed']);
export type Gender = z.infer<typeof Gender>;

/** A world or Olympic record as the article's Records section states it; never derived from results. */
export const StatedRecord = z.object({
  kind: z.enum(['world', 'olympic']),
  time: RaceTime,
  /** The holder as written, without a trailing `(NOC)`. */
  holder: z.string().nullable(),
  noc: z.string().nullable(),
  place: z.string().nullable(),
  /** The date as written (`29 March 1975`, `10 February`). */
  date: z.string().nullable(),
  /** Set at this competition (a "records set" table) rather than standing before it. */
  setHere: z.boolean(),
  line: z.number().int().positive(),
});
export type StatedRecord = z.infer<typeof StatedRecord>;

/** One event article, parsed. */
export const EventArticle = z.object({
  /** Canonical id, e.g. `mass-start-men-2026`, `short-track-1000m-men-2026`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  source: z.string(),
  title: z.string(),
  sport: Sport,
  /** The sport as the title writes it: "Speed skating", "Short-track speed skating". */
  sportLabel: z.string(),
  games: z.object({ year: z.number().int(), season: z.enum(['Winter', 'Summer']), label: z.string() }),
  /** The event as the title writes it, e.g. "Men's mass start". */
  eventName: z.string(),
  gender: Gender.nullable(),
  /** Discipline slug: `mass-start`, `1000m`, `team-pursuit`, `5000m-relay`, ... */
  discipline: z.string().min(1),
  infobox: Infobox.nullable(),
  sections: z.array(Section),
  rounds: z.array(Round),
  /** NOC per athlete id, only where the article states it (infobox medallists, "X of Country" prose). */
  nocs: z.record(z.string(), z.string()),
  /** Records the Records section states; absent when it states none. */
  records: z.array(StatedRecord).optional(),
});
export type EventArticle = z.infer<typeof EventArticle>;

/** A problem found while parsing or checking: errors stop a document, warnings do not. */
export const Diagnostic = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  position: Position,
});
export type Diagnostic = z.infer<typeof Diagnostic>;
