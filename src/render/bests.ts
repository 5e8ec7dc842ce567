import type { APIEmbedField } from 'discord.js';
import type { PersonalBest } from '../domain/bests.js';
import { distanceLabel } from '../domain/bests.js';
import { heatLabel } from '../domain/index.js';
import { clip, mdSafe } from './format.js';

/** "1:23.585 — Semifinals, heat 1, 2026": a best time as written and the race it came from. */
export function bestText(best: PersonalBest): string {
  const { event, round, heat } = best.from;
  return `${best.time.text} — ${mdSafe(heatLabel(round, heat))}, ${event.games.year}`;
}

/** One field listing a skater's best time over each distance of the loaded events. */
export function bestsField(bests: readonly PersonalBest[]): APIEmbedField {
  const lines = bests.map((b) => `**${distanceLabel(b.sport, b.discipline)}**: ${bestText(b)}`);
  return { name: 'Best times in the loaded events', value: clip(lines.join('\n'), 1024) };
}
