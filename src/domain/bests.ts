import type { RaceTime, Sport } from '../model/schemas.js';
import type { Appearance, Athlete } from '../search/index.js';

/** A skater's fastest time over one distance of one sport, and the race it came from. */
export interface PersonalBest {
  /** `<sport>:<discipline>`: a short-track 1000 m and a long-track 1000 m are different distances. */
  key: string;
  sport: Sport;
  discipline: string;
  time: RaceTime;
  /** Where the time was skated; the first such race when the skater matched it later. */
  from: Appearance;
}

/** The key that groups an event's times with those of the same distance in other events. */
export function distanceKey(sport: Sport, discipline: string): string {
  return `${sport}:${discipline}`;
}

/** "1000 m", "mass start", "5000 m relay": a discipline slug as words. */
export function distanceLabel(sport: Sport, discipline: string): string {
  const words = discipline.replace(/^(\d+)m\b/, '$1 m').replace(/-/g, ' ');
  return sport === 'short-track' ? `${words} (short track)` : words;
}

/**
 * Each distance the skater has a finishing time over, with the fastest, in the order of the loaded
 * events. Status words (DQ, DNF) and empty cells are not times and never count.
 */
export function personalBests(athlete: Athlete): PersonalBest[] {
  const bests = new Map<string, PersonalBest>();
  for (const appearance of athlete.appearances) {
    const { event, row } = appearance;
    if (row.mark.kind !== 'time') continue;
    const key = distanceKey(event.sport, event.discipline);
    const best = bests.get(key);
    if (!best || row.mark.time.ms < best.time.ms)
      bests.set(key, {
        key,
        sport: event.sport,
        discipline: event.discipline,
        time: row.mark.time,
        from: appearance,
      });
  }
  return [...bests.values()];
}
