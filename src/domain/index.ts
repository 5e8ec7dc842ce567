export { Dataset } from './dataset.js';
export type { AthleteSummary, EventPath, MedalRow, Podium, PodiumPlace, WinningValue } from './dataset.js';
export { UserError } from './errors.js';
export { heatLabel, rankRounds, resolveHeat, resolveRound, suggestRounds } from './rounds.js';
