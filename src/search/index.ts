export type { Appearance, Athlete } from './athletes.js';
export { eventLabel } from './events.js';
export type { TextHit } from './fulltext.js';
export { MAX_CHOICES } from './resolution.js';
export type { Resolution } from './resolution.js';
