export { Dataset } from './dataset.js';
export type { AthleteSummary, EventPath, MedalRow, Podium, PodiumPlace } from './dataset.js';
export type { Appearance, Athlete } from './athletes.js';
export { eventLabel } from './events.js';
export { heatLabel, resolveHeat, resolveRound, suggestRounds } from './rounds.js';
export type { TextHit } from './fulltext.js';
export { MAX_CHOICES } from './resolution.js';
export type { Resolution } from './resolution.js';
