export { readSnapshot, refreshStamps, whenRead } from './read.js';
export { writeSnapshot } from './write.js';
export { sourceStates } from './stamps.js';
export type { CurrentSources } from './stamps.js';
export { ROW_LAYOUT, SNAPSHOT_FORMAT } from './layout.js';
export type { Snapshot, SourceState } from './layout.js';
