import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ButtonStyle, ComponentType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatTimestamp,
  listButtons,
  renderReply,
  savePictures,
  shouldColor,
} from '../../../src/hosts/console/render.js';
import type { Reply } from '../../../src/render/reply.js';

const clock = { locale: 'en-GB', timeZone: 'UTC', now: new Date('2026-02-15T19:34:00Z') };
const plain = { ...clock, color: false };
const START = 1770924840; // 12 February 2026 19:34 UTC

const pager = (prevDisabled: boolean): NonNullable<Reply['components']> => [
  {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: 'results:x:1',
        label: '◀ Prev',
        disabled: prevDisabled,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: 'results:page',
        label: 'Page 1 of 2',
        disabled: true,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: 'results:x:2',
        label: 'Next',
        emoji: { name: '▶' },
      },
    ],
  },
  {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Link,
        url: 'https://en.wikipedia.org/wiki/X',
        label: 'Article',
      },
    ],
  },
];

const reply: Reply = {
  content: 'Results for **you**',
  embeds: [
    {
      title: 'Podium · Men\\_s *race*',
      description: [
        '🥇 **Jorrit Bergsma** 🇳🇱 NED — 68 pts',
        '*Italic*, _also_, __under__ and ~~struck~~ with `code`',
        '```',
        '# Name   Pts',
        '1 Bergsma 68',
        '```',
        '-# Names from the **article**',
        'Starts <t:1770924840:f> (<t:1770924840:R>)',
      ].join('\n'),
      color: 0xd4af37,
      fields: [
        { name: 'Winning points', value: '68 pts', inline: true },
        { name: 'Venue', value: 'Milan', inline: true },
        { name: 'Notes', value: '**Q** qualified\n- one\n- two' },
      ],
      image: { url: 'attachment://podium-x.png' },
      footer: { text: 'Source: Wikipedia' },
    },
  ],
  files: [
    { name: 'podium-x.png', data: Buffer.from('png'), description: 'podium' },
    { name: 'chart.png', data: Buffer.from('png'), description: 'chart' },
  ],
  components: pager(true),
  ephemeral: true,
};

describe('console/render', () => {
  describe('renderReply', () => {
    it('renders a reply as plain text when colour is off', () => {
      const pictures = new Map([['podium-x.png', 'out/podium-x.png']]);
      expect(renderReply(reply, { ...plain, pictures }).split('\n')).toStrictEqual([
        'Results for you',
        '',
        'Podium · Men_s race',
        '🥇 Jorrit Bergsma 🇳🇱 NED — 68 pts',
        'Italic, also, under and struck with `code`',
        '│ # Name   Pts',
        '│ 1 Bergsma 68',
        'Names from the article',
        'Starts 12 February 2026 at 19:34 (3 days ago)',
        '',
        'Winning points: 68 pts',
        'Venue: Milan',
        '',
        'Notes',
        'Q qualified',
        '• one',
        '• two',
        '',
        'picture: out/podium-x.png',
        '',
        'Source: Wikipedia',
        '',
        'picture: chart.png (not saved)',
        '',
        '[◀ Prev]  [Page 1 of 2]  3 [▶ Next]',
        '[Article ↗ https://en.wikipedia.org/wiki/X]',
        '(only you can see this)',
      ]);
    });

    it('gives each enabled button its number', () => {
      expect(renderReply({ components: pager(false) }, plain)).toBe(
        '1 [◀ Prev]  [Page 1 of 2]  3 [▶ Next]\n[Article ↗ https://en.wikipedia.org/wiki/X]',
      );
    });

    it('colours the bar with the embed colour and styles markdown when colour is on', () => {
      const out = renderReply(
        { embeds: [{ title: 'Podium', description: '**Bergsma** `n`', color: 0xd4af37 }] },
        { ...clock, color: true },
      );
      expect(out.split('\n')).toStrictEqual([
        '\u001b[38;2;212;175;55m▌\u001b[39m \u001b[1mPodium\u001b[22m',
        '\u001b[38;2;212;175;55m▌\u001b[39m \u001b[1mBergsma\u001b[22m \u001b[36mn\u001b[39m',
      ]);
    });

    it('keeps dim text dim after a bold word inside it', () => {
      const out = renderReply({ content: '-# from the **article** here' }, { ...clock, color: true });
      expect(out).toBe('\u001b[2mfrom the \u001b[1marticle\u001b[22;2m here\u001b[22m');
    });

    it('never passes control characters from the data to the terminal', () => {
      const out = renderReply(
        { embeds: [{ title: 'Evil\u001b[2J', description: 'name\u001b]0;x\u0007 here' }] },
        plain,
      );
      expect(out).toBe('Evil[2J\nname]0;x here');
    });

    it('shows links with their address', () => {
      expect(renderReply({ content: 'See [the article](https://en.wikipedia.org/wiki/X).' }, plain)).toBe(
        'See the article <https://en.wikipedia.org/wiki/X>.',
      );
    });
  });

  describe('formatTimestamp', () => {
    it.each([
      ['t', '19:34'],
      ['d', '12/02/2026'],
      ['D', '12 February 2026'],
      ['f', '12 February 2026 at 19:34'],
      ['F', 'Thursday, 12 February 2026 at 19:34'],
      ['R', '3 days ago'],
    ])('style %s', (style, expected) => {
      expect(formatTimestamp(START, style, clock)).toBe(expected);
    });

    it('says how far ahead a future time is', () => {
      expect(formatTimestamp(START, 'R', { ...clock, now: new Date('2026-02-12T17:00:00Z') })).toBe(
        'in 3 hours',
      );
    });

    it('uses the reader’s time zone', () => {
      expect(formatTimestamp(START, 't', { ...clock, timeZone: 'Asia/Tokyo' })).toBe('04:34');
    });
  });

  describe('listButtons', () => {
    it('numbers buttons across rows in reading order', () => {
      expect(
        listButtons({ components: pager(true) }).map((b) => [b.index, b.label, b.customId, b.disabled]),
      ).toStrictEqual([
        [1, '◀ Prev', 'results:x:1', true],
        [2, 'Page 1 of 2', 'results:page', true],
        [3, '▶ Next', 'results:x:2', false],
        [4, 'Article', null, false],
      ]);
    });
  });

  describe('shouldColor', () => {
    it.each<[boolean | undefined, Record<string, string>, boolean]>([
      [true, {}, true],
      [false, {}, false],
      [undefined, {}, false],
      [true, { NO_COLOR: '1' }, false],
      [true, { NO_COLOR: '' }, false],
      [true, { TERM: 'dumb' }, false],
      [false, { FORCE_COLOR: '1' }, true],
      [false, { FORCE_COLOR: '' }, true],
      [true, { FORCE_COLOR: '0' }, false],
      [true, { FORCE_COLOR: 'false', NO_COLOR: '1' }, false],
      [false, { FORCE_COLOR: '3', NO_COLOR: '1' }, true],
    ])('tty %s, env %j -> %s', (isTTY, env, expected) => {
      expect(shouldColor({ isTTY }, env)).toBe(expected);
    });
  });

  describe('savePictures', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'console-render-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes each picture under its own name and says where', async () => {
      const saved = await savePictures(
        [{ name: 'podium-mass-start-men-2026.png', data: Buffer.from('png!'), description: '' }],
        join(dir, 'out'),
      );
      const path = join(dir, 'out', 'podium-mass-start-men-2026.png');
      expect(saved).toStrictEqual(new Map([['podium-mass-start-men-2026.png', path]]));
      expect(await readFile(path, 'utf8')).toBe('png!');
    });

    it('keeps a picture inside the folder whatever its name says', async () => {
      const saved = await savePictures(
        [{ name: '../../escape me.png', data: Buffer.from('x'), description: '' }],
        join(dir, 'out'),
      );
      expect(saved.get('../../escape me.png')).toBe(join(dir, 'out', 'escape-me.png'));
    });

    it('falls back to the temp folder when the folder cannot be made', async () => {
      const blocker = join(dir, 'a-file');
      await writeFile(blocker, '');
      const saved = await savePictures(
        [{ name: 'p.png', data: Buffer.from('x'), description: '' }],
        join(blocker, 'out'),
      );
      expect(saved.get('p.png')).toBe(join(tmpdir(), 'skate-console', 'p.png'));
      await rm(join(tmpdir(), 'skate-console', 'p.png'));
    });
  });
});
