import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app.js';
import { storeContext } from '../../src/app/context.js';
import { loadCommands } from '../../src/app/registry.js';
import type { AppRequest, Outcome } from '../../src/app/types.js';
import { Dataset } from '../../src/domain/index.js';
import { eventChoices, heatChoices, resolveRoundOption, roundChoices } from '../../src/app/options.js';
import { UserError } from '../../src/app/command.js';
import { resolveRound, suggestRounds } from '../../src/domain/rounds.js';
import { LOCALES, RESOURCES } from '../../src/i18n/index.js';
import { langFor } from '../../src/i18n/lang.js';
import { DataStore } from '../../src/load/store.js';
import type { EventArticle } from '../../src/model/schemas.js';
import { eventName } from '../../src/i18n/names.js';
import { LOCALIZED_ROUNDS, roundKey } from '../../src/search/words.js';
import { SEEDS_DIR, invoke } from '../commands/factory.js';
import { loadFixture, loadSeeds } from './helpers.js';

const seeds = await loadSeeds();
const longTrack1000 = loadFixture('long-track-1000m-men.txt');
const data = new Dataset([...seeds, longTrack1000]);
const CJK = new Set(['ja', 'ko', 'zh-CN']);
const byId = (id: string) => seeds.find((e) => e.id === id) as EventArticle;
const massStartMen = byId('mass-start-men-2026');
const shortTrack1000 = byId('short-track-1000m-men-2026');

/** A string key of one section of a locale's resource file. */
function word(locale: (typeof LOCALES)[number], section: 'rounds' | 'events', key: string): string {
  const value = (RESOURCES[locale][section] as Record<string, unknown>)[key];
  if (typeof value !== 'string') throw new Error(`${locale} has no ${section}.${key}`);
  return value;
}

const resolved = (text: string) => {
  const result = data.events.resolve(text);
  return result.kind === 'found' ? result.value.id : result.kind;
};

describe('search/words: localized event and round words', () => {
  describe.each(LOCALES)('%s', (locale) => {
    const lang = langFor(locale);
    const w = (section: 'rounds' | 'events', key: string) => word(locale, section, key);

    it('resolves the mass start by its words and by its composed name', () => {
      expect(resolved(`${w('events', 'mass-start')} ${w('events', 'men')}`)).toBe(massStartMen.id);
      expect(resolved(`${w('events', 'mass-start')}-${w('events', 'women')}`)).toBe('mass-start-women-2026');
      expect(resolved(eventName(massStartMen, lang))).toBe(massStartMen.id);
      if (CJK.has(locale)) {
        // Typed without spaces, as CJK is written.
        expect(resolved(`${w('events', 'men')}${w('events', 'mass-start')}`)).toBe(massStartMen.id);
      }
    });

    it('resolves a distance event by its words and by its composed name', () => {
      const st = w('events', 'short-track');
      expect(resolved(`1000 ${w('events', 'metres')} ${w('events', 'men')} ${st}`)).toBe(shortTrack1000.id);
      // English shows the article's name, which leaves the sport out (the long-track 1000 m shares it).
      if (locale !== 'en-US') expect(resolved(eventName(shortTrack1000, lang))).toBe(shortTrack1000.id);
      expect(resolved(`1000 ${w('events', 'metres')} ${w('events', 'long-track')}`)).toBe(longTrack1000.id);
    });

    it('suggests the event from the first letters of its name in this language', () => {
      const name = eventName(massStartMen, lang);
      const typed = [...name].slice(0, Math.max(3, Math.ceil([...name].length / 2))).join('');
      expect(data.events.suggest(typed).map((e) => e.id)).toContain(massStartMen.id);
      expect(eventChoices(data, name)[0]?.value).toBe(massStartMen.id);
    });

    it.each([
      ['heat', 'heat'],
      ['heats', 'heat'],
      ['quarterfinal', 'quarterfinal'],
      ['quarterfinals', 'quarterfinal'],
      ['semifinal', 'semifinal'],
      ['semifinals', 'semifinal'],
      ['final', 'final'],
      ['finals', 'final'],
      ['final-a', 'final'],
      ['final-b', 'final-b'],
    ])('round word %s names the %s round of the 1000 m', (key, id) => {
      const text = w('rounds', key);
      const round = resolveRound(shortTrack1000, text);
      expect(round.kind === 'found' ? round.value.id : round.kind).toBe(id);
      expect(resolveRound(shortTrack1000, text.toUpperCase()).kind).toBe('found');
      // Half typed, autocomplete offers the round.
      const half = [...text].slice(0, Math.max(2, Math.ceil([...text].length / 2))).join('');
      // (Unless the half is itself a word: "결승" of "결승 B" is the final.)
      const other = LOCALIZED_ROUNDS.get(roundKey(half));
      if (other === undefined || other === id) {
        expect(suggestRounds(shortTrack1000, half).map((r) => r.id)).toContain(id);
      }
    });

    it('names the final C and D and the single race', () => {
      expect(LOCALIZED_ROUNDS.get(roundKey(w('rounds', 'final-c')))).toBe('final-c');
      expect(LOCALIZED_ROUNDS.get(roundKey(w('rounds', 'final-d')))).toBe('final-d');
      const race = resolveRound(longTrack1000, w('rounds', 'race'));
      expect(race.kind === 'found' ? race.value.id : race.kind).toBe('race');
    });
  });

  it.each([
    ['massastart-mannen', 'mass-start-men-2026'],
    ['Massenstart Herren', 'mass-start-men-2026'],
    ['マススタート 男子', 'mass-start-men-2026'],
    ['男子マススタート', 'mass-start-men-2026'],
    ['남자 매스스타트', 'mass-start-men-2026'],
    ['男子集体出发', 'mass-start-men-2026'],
    ['start wspólny kobiety', 'mass-start-women-2026'],
    ['fellesstart kvinner', 'mass-start-women-2026'],
    ['départ groupé hommes', 'mass-start-men-2026'],
    ['1000米 短道速滑', 'short-track-1000m-men-2026'],
    ['1000 metri maschile short track', 'short-track-1000m-men-2026'],
    ['1000 metri maschili short track', 'short-track-1000m-men-2026'],
    ['1000 meter langebaan', '1000m-men-2026'],
  ])('%j is %s', (text, id) => {
    expect(resolved(text)).toBe(id);
  });

  it.each([
    ['kwartfinale', 'quarterfinal'],
    ['Kwartfinales', 'quarterfinal'],
    ['준준결승', 'quarterfinal'],
    ['준결승', 'semifinal'],
    ['결승', 'final'],
    ['halve finale', 'semifinal'],
    ['Viertelfinale', 'quarterfinal'],
    ['quarts de finale', 'quarterfinal'],
    ['ćwierćfinał', 'quarterfinal'],
    ['準々決勝', 'quarterfinal'],
    ['四分之一决赛', 'quarterfinal'],
    ['B-finale', 'final-b'],
    ['b', 'final-b'],
  ])('round %j of the 1000 m is %s', (text, id) => {
    const round = resolveRound(shortTrack1000, text);
    expect(round.kind === 'found' ? round.value.id : round.kind).toBe(id);
  });

  it('gives no localized word two rounds: each word of each locale maps to the round its key names', () => {
    for (const locale of LOCALES) {
      for (const key of ['quarterfinal', 'semifinal', 'final', 'heat']) {
        const round = resolveRound(shortTrack1000, word(locale, 'rounds', key));
        expect(round.kind === 'found' ? round.value.id : round.kind, `${locale} ${key}`).toBe(key);
      }
    }
  });

  it('names choices in the caller’s language and keeps the canonical ids as values', () => {
    const nl = langFor('nl');
    expect(eventChoices(data, 'massastart', nl).slice(0, 2)).toStrictEqual([
      { name: '2026 · Massastart mannen (langebaan)', value: 'mass-start-men-2026' },
      { name: '2026 · Massastart vrouwen (langebaan)', value: 'mass-start-women-2026' },
    ]);
    expect(roundChoices(data, '1000m shorttrack', '준준', langFor('ko'))).toStrictEqual([
      { name: '준준결승 (4개 조)', value: 'quarterfinal' },
    ]);
    expect(heatChoices(data, '1000m shorttrack', 'kwartfinale', '3', nl)[0]?.name).toMatch(
      /^Kwartfinale 3 — /,
    );
    // English choices are as before.
    expect(roundChoices(data, '1000m shorttrack', 'quarter')).toStrictEqual([
      { name: 'Quarterfinals (4 heats)', value: 'quarterfinal' },
    ]);
  });

  describe('the caller’s language first', () => {
    const nl = langFor('nl');
    const en = langFor('en-US');
    const roundsFor = (typed: string, lang = en) =>
      roundChoices(data, 'short-track-1000m-men-2026', typed, lang).map((c) => c.value);
    const suggested = (typed: string, lang = en) => {
      try {
        resolveRoundOption(shortTrack1000, typed);
      } catch (error) {
        if (error instanceof UserError) return error.textIn(lang).suggestions?.[0];
        throw error;
      }
      throw new Error(`${typed} resolved`);
    };

    it('`kwart` from an nl user and from an en user: the quarterfinals are offered and suggested first', () => {
      expect(roundsFor('kwart', nl)).toStrictEqual(['quarterfinal']);
      expect(roundsFor('kwart', en)).toStrictEqual(['quarterfinal']);
      // "Did you mean": the round the word starts comes before the event's other rounds, in each language.
      expect(suggested('kwart', nl)).toBe('`quarterfinal` — Kwartfinales');
      expect(suggested('kwart', en)).toBe('`quarterfinal` — Quarterfinals');
      expect(suggested('xyz', nl)).toBe('`heat` — Series');
    });

    it('ranks the round the caller’s word starts before the English one (`se`: Dutch serie, English semifinal)', () => {
      expect(roundsFor('se', nl)).toStrictEqual(['heat', 'semifinal']);
      expect(roundsFor('se', langFor('fr'))).toStrictEqual(['heat', 'semifinal']);
      expect(roundsFor('se', en)).toStrictEqual(['semifinal', 'heat']);
      expect(roundsFor('ser', en)).toStrictEqual(['heat']);
      expect(suggested('se', nl)).toBe('`heat` — Series');
      expect(suggested('se', en)).toBe('`semifinal` — Semifinals');
    });

    it('ranks the events whose name in the caller’s language starts with the text first', () => {
      const ids = (typed: string, lang = en) => eventChoices(data, typed, lang).map((c) => c.value);
      // Dutch "Massastart …" against English "Men's 1000 metres".
      expect(ids('m', nl)).toStrictEqual([
        'mass-start-men-2026',
        'mass-start-women-2026',
        '1000m-men-2026',
        'short-track-1000m-men-2026',
      ]);
      expect(ids('m', en)).toStrictEqual([
        '1000m-men-2026',
        'short-track-1000m-men-2026',
        'mass-start-men-2026',
        'mass-start-women-2026',
      ]);
    });
  });

  it('offers the rounds of an event typed in Dutch', () => {
    expect(roundChoices(data, 'shorttrack 1000 meter mannen', 'kwart').map((c) => c.value)).toStrictEqual([
      'quarterfinal',
    ]);
  });

  it('answers /podium event:massastart-mannen from a Dutch caller with the mass-start podium in Dutch', async () => {
    const store = await DataStore.open(SEEDS_DIR);
    const app = createApp({
      commands: await loadCommands(),
      context: storeContext(store),
      logger: { error: () => undefined, warn: () => undefined },
      pictures: { cached: () => undefined },
      deferAfterMs: 1000,
      handlerTimeoutMs: 5000,
    });
    const ask = (command: string, values: Record<string, string | number>): AppRequest => ({
      kind: 'command',
      command,
      options: invoke(values).options,
      caller: { userId: 'u', isAdmin: false, locale: 'nl' },
    });
    const text = (outcome: Outcome) => {
      if (outcome.kind === 'choices') throw new Error('expected a message');
      const embed = outcome.message.embeds[0];
      return { kind: outcome.kind, title: embed?.title ?? '', body: embed?.description ?? '' };
    };
    const podium = text(await app.handle(ask('podium', { event: 'massastart-mannen' })));
    expect(podium.kind).toBe('reply');
    expect(podium.title).toContain('Massastart mannen');
    expect(podium.body).toContain('Jorrit Bergsma');
    const heat = text(await app.handle(ask('heat', { event: '1000m', round: 'kwartfinale', n: 3 })));
    expect(heat.kind).toBe('reply');
    expect(heat.title + heat.body).toContain('Kwartfinale 3');
  });
});
