import type { APIEmbedField } from 'discord.js';
import type { PersonalBest } from '../domain/bests.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { distanceName, heatName } from '../i18n/names.js';
import { clip, mdSafe } from './format.js';

/** "1:23.585 — Semifinals, heat 1, 2026": a best time as written and the race it came from. */
export function bestText(best: PersonalBest, lang: Lang = EN): string {
  const { event, round, heat } = best.from;
  const race = mdSafe(heatName(round, heat, lang));
  return lang.t('replies.bests.from', { time: best.time.text, race, year: event.games.year });
}

/** One field listing a skater's best time over each distance of the loaded events. */
export function bestsField(bests: readonly PersonalBest[], lang: Lang = EN): APIEmbedField {
  const lines = bests.map((b) => `**${distanceName(b.sport, b.discipline, lang)}**: ${bestText(b, lang)}`);
  return { name: lang.t('replies.bests.field'), value: clip(lines.join('\n'), 1024) };
}
