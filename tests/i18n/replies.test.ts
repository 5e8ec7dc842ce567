import { describe, expect, it } from 'vitest';
import athlete from '../../commands/athlete.js';
import compare from '../../commands/compare.js';
import help from '../../commands/help.js';
import medals from '../../commands/medals.js';
import eventCommand from '../../commands/event.js';
import heat from '../../commands/heat.js';
import podium from '../../commands/podium.js';
import results from '../../commands/results.js';
import { UserError } from '../../src/app/command.js';
import type { Context } from '../../src/app/command.js';
import { LOCALES } from '../../src/i18n/index.js';
import type { Lang } from '../../src/i18n/lang.js';
import { EN, langFor } from '../../src/i18n/lang.js';
import { renderUserError } from '../../src/render/errors.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import type { Reply } from '../../src/render/reply.js';
import { contextFor, invoke, seedDataset } from '../commands/factory.js';

const seeds = await seedDataset();
const ctx: Context = contextFor(seeds);

/** A reply, or the private error reply the core sends for a UserError, in the reader's language. */
async function answer(run: () => Reply | Promise<Reply>, lang: Lang): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const { message, suggestions } = error.textIn(lang);
    return renderUserError(message, suggestions, lang);
  }
}

/** Every reply the translated commands give over the seeds, and each class of user error, in `lang`. */
async function everyReply(lang: Lang): Promise<Array<[string, Reply]>> {
  const out: Array<[string, Reply]> = [];
  const add = async (label: string, run: () => Reply | Promise<Reply>) => {
    out.push([label, await answer(run, lang)]);
  };
  const as = (values: Record<string, string | number | null | undefined>) => invoke(values, false, lang);
  for (const event of seeds.articles) {
    await add(`/podium ${event.id}`, () => podium.execute(as({ event: event.id }), ctx));
    await add(`/event ${event.id}`, () => eventCommand.execute(as({ event: event.id }), ctx));
    for (const round of event.rounds) {
      for (const h of round.heats) {
        const values = { event: event.id, round: round.id, n: h.number };
        await add(`/heat ${event.id} ${round.id} ${h.number}`, () => heat.execute(as(values), ctx));
      }
      await add(`/heat ${event.id} ${round.id} n:99`, () =>
        heat.execute(as({ event: event.id, round: round.id, n: 99 }), ctx),
      );
    }
    await add(`/heat ${event.id} round:xyzzy`, () =>
      heat.execute(as({ event: event.id, round: 'xyzzy' }), ctx),
    );
    for (const round of [null, ...event.rounds]) {
      let reply = await answer(() => results.execute(as({ event: event.id, round: round?.id }), ctx), lang);
      for (let page = 1; ; page++) {
        out.push([`/results ${event.id} ${round?.id ?? '*'} page ${page}`, reply]);
        const next = reply.components?.[0]?.components[2];
        if (!next || !('custom_id' in next) || next.disabled) break;
        reply = await answer(() => results.button(next.custom_id, ctx, lang), lang);
      }
    }
  }
  for (const skater of seeds.athletes.athletes)
    await add(`/athlete ${skater.id}`, () => athlete.execute(as({ name: skater.id }), ctx));
  for (const text of ['xyzzy', 'men', 'mass start', ''])
    await add(`/podium ${text}`, () => podium.execute(as({ event: text }), ctx));
  await add('/medals', () => medals.execute(as({}), ctx));
  await add('/help', () => help.execute(as({}), ctx));
  await add('/help (manager)', () => help.execute(invoke({}, true, lang), ctx));
  const skaters = seeds.athletes.athletes;
  for (const [a, b] of [
    ['Sun Long', 'Roberts Krūzbergs'],
    ['Sun Long', 'Jorrit Bergsma'],
    ['Sun Long', 'Sun Long'],
    [skaters[0]?.id ?? '', skaters.at(-1)?.id ?? ''],
  ])
    await add(`/compare ${a} ${b}`, () => compare.execute(as({ a, b }), ctx));
  await add('/athlete xyzzy', () => athlete.execute(as({ name: 'xyzzy' }), ctx));
  await add('/results stale button', () => results.button('results:gone:*:2', ctx, lang));
  return out;
}

/** Every string a reply shows a reader. */
function texts(reply: Reply): string[] {
  return [
    reply.content ?? '',
    ...(reply.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    ...(reply.components ?? []).flatMap((row) =>
      row.components.map((c) => ('label' in c ? (c.label ?? '') : '')),
    ),
  ];
}

// Words of the English replies (headings, field names, legends, buttons) no other language may show.
const ENGLISH = [
  /\bPlaces 4/,
  /\bOther heats\b/,
  /\bDid you mean\b/,
  /\bBest times\b/,
  /\bqualified by place\b/,
  /\bpenalty\b/,
  /\bheat \d/,
  /\bQuarterfinals?\b/,
  /\bSemifinals?\b/,
  /\bFinal [AB]\b/,
  /\bNext ▶/,
  /\bPage \d+ of\b/,
  /\bNo (event|skater) matches\b/,
  /\bleft out to fit\b/,
  /\bWinning (points|time)\b/,
  /\bRepresenting\b/,
  /\bMedal table\b/,
  /\bfinished ahead\b/,
  /\bFor server managers\b/,
  /\bnever met\b/,
  /\bPick two different\b/,
];
// Words the language shares with English: French "Places", Norwegian "heat".
const SHARED: Record<string, string[]> = { fr: ['Places 4'], no: ['heat \\d'] };
// Except inside what the article writes and the bot quotes: its title in the footer, its prose in /event.
const QUOTED = /“[^”]*”|„[^“]*“|«[^»]*»|「[^」]*」/g;

describe('i18n replies', () => {
  const all = new Map<string, Array<[string, Reply]>>();
  const replies = async (locale: string) => {
    let found = all.get(locale);
    if (!found) {
      found = await everyReply(langFor(locale));
      all.set(locale, found);
    }
    return found;
  };

  it.each(LOCALES)(
    '%s: every reply over the seeds stays within Discord’s limits and a phone’s width',
    async (locale) => {
      const out = await replies(locale);
      expect(out.length).toBeGreaterThan(60);
      expect(
        out.flatMap(([label, reply]) => checkReplyLimits(reply).map((v) => `${label}: ${v}`)),
      ).toStrictEqual([]);
    },
  );

  it.each(LOCALES.filter((l) => l !== 'en-US'))(
    '%s: no reply shows the English headings, legends or errors',
    async (locale) => {
      const leaks: string[] = [];
      for (const [label, reply] of await replies(locale)) {
        // /event quotes the article's prose, which is English.
        if (label.startsWith('/event ')) continue;
        for (const text of texts(reply)) {
          const shown = text.replace(QUOTED, '');
          for (const word of ENGLISH.filter((w) => !SHARED[locale]?.some((x) => w.source === `\\b${x}`)))
            if (word.test(shown)) leaks.push(`${label}: ${word} in ${JSON.stringify(shown.slice(0, 80))}`);
        }
      }
      expect(leaks).toStrictEqual([]);
    },
  );

  it('answers en-GB and a locale without a file exactly as en-US', async () => {
    const english = await replies('en-US');
    for (const tag of ['en-GB', 'sv-SE']) {
      const lang = langFor(tag);
      expect(lang).toBe(EN);
    }
    expect(english.length).toBeGreaterThan(0);
  });

  it('keeps names, times and note codes exactly as the article writes them, in every locale', async () => {
    for (const locale of LOCALES) {
      const [, reply] = (await replies(locale)).find(
        ([label]) => label === '/heat short-track-1000m-men-2026 quarterfinal 3',
      )!;
      const text = reply.embeds?.[0]?.description ?? '';
      for (const expected of [
        'Sun Long',
        '1:26.563',
        'Roberts Krūzbergs',
        '1:27.133',
        'Michał Niewiński',
        '+19.806',
        'ADV',
        'PEN',
      ])
        expect(text, locale).toContain(expected);
    }
  });

  it.each([
    ['nl', 'Podium · Massastart mannen · Olympische Winterspelen 2026', '**Kwartfinale 3**', 'Plaatsen 4–8'],
    ['de', 'Podium · Massenstart Herren · Olympische Winterspiele 2026', '**Viertelfinale 3**', 'Plätze 4–8'],
    [
      'it',
      'Podio · Mass start maschile · Giochi olimpici invernali 2026',
      '**Quarto di finale 3**',
      'Posizioni 4–8',
    ],
    [
      'fr',
      "Podium · Départ groupé hommes · Jeux olympiques d'hiver de 2026",
      '**Quart de finale 3**',
      'Places 4 à 8',
    ],
    ['no', 'Pallen · Fellesstart menn · Vinter-OL 2026', '**Kvartfinale 3**', 'Plass 4–8'],
    [
      'pl',
      'Podium · Start wspólny – mężczyźni · Zimowe Igrzyska Olimpijskie 2026',
      '**Ćwierćfinał 3**',
      'Miejsca 4–8',
    ],
    ['ja', '表彰台 · 男子マススタート · 2026年冬季オリンピック', '**準々決勝 第3組**', '4～8位'],
    ['ko', '시상대 · 남자 매스스타트 · 2026 동계 올림픽', '**준준결승 3조**', '4–8위'],
    ['zh-CN', '领奖台 · 男子集体出发 · 2026年冬季奥运会', '**四分之一决赛第3组**', '第4–8名'],
  ])(
    '%s composes the event and round names in its own words',
    async (locale, podiumTitle, heatHead, places) => {
      const out = new Map(await replies(locale));
      const podiumEmbed = out.get('/podium mass-start-men-2026')?.embeds?.[0];
      expect(podiumEmbed?.title).toBe(podiumTitle);
      expect(podiumEmbed?.fields?.map((f) => f.name)).toContain(places);
      const heatText =
        out.get('/heat short-track-1000m-men-2026 quarterfinal 3')?.embeds?.[0]?.description ?? '';
      expect(heatText.startsWith(heatHead)).toBe(true);
    },
  );
});
