import { describe, expect, it } from 'vitest';
import type { ReloadReport, StatusReport } from '../../src/load/store.js';
import type { Diagnostic } from '../../src/model/schemas.js';
import { renderReload, renderStatus } from '../../src/render/status.js';
import { LOCALES } from '../../src/i18n/index.js';
import { langFor } from '../../src/i18n/lang.js';
import { checkReplyLimits } from '../../src/render/limits.js';

const problem = (severity: Diagnostic['severity'], line: number, source = 'b.txt'): Diagnostic => ({
  severity,
  message: `Row has ${line} cells`,
  position: { source, line, column: 1, text: '| x |' },
});
const RELOAD: ReloadReport = {
  at: new Date('2026-02-21T12:00:00Z'),
  durationMs: 12.4,
  added: ['a.txt'],
  updated: [],
  removed: [],
  failed: [{ file: 'b.txt', keptPrevious: true }],
};
const STATUS: StatusReport = {
  dir: 'seeds',
  events: 3,
  athletes: 1,
  files: [
    { file: 'a.txt', hash: 'x', eventId: 'e', diagnostics: [problem('warning', 4, 'a.txt')] },
    { file: 'b.txt', hash: 'y', eventId: null, diagnostics: [problem('error', 9), problem('warning', 2)] },
  ],
  lastReload: RELOAD,
};
const WATCH = {
  source: 'Speed skating at the 2026 Winter Olympics',
  intervalSeconds: 300,
  lastPoll: new Date('2026-02-21T12:00:00Z'),
  lastError: 'HTTP 503',
  articles: [
    { title: 'T', file: 'a.txt', revid: 1234, updatedAt: null, problem: null },
    { title: 'U', file: 'c.txt', revid: null, updatedAt: null, problem: null },
  ],
};
const SHARDS = {
  count: 4,
  shards: [
    { id: 2, state: 'ready' as const, reconnects: 1, guilds: 5, pingMs: 40 },
    { id: 3, state: 'resuming' as const, reconnects: 3, guilds: 1, pingMs: null },
  ],
};

describe('render/status in the reader’s language', () => {
  it('writes /status in Dutch; file names, lines and the parser’s messages stay as they are', () => {
    const embed = renderStatus(STATUS, WATCH, SHARDS, langFor('nl')).embeds?.[0];
    expect(embed?.title).toBe('Status');
    expect(embed?.description?.split('\n')).toStrictEqual([
      '**3 artikelen** geladen · 1 schaatser',
      '2 bestanden in `seeds` · **1 met fouten**',
      'Laatst herladen <t:1771675200:R>: 1 toegevoegd · 0 bijgewerkt · 0 verwijderd · 1 mislukt · 12 ms',
      '',
      '__1 fout, 2 waarschuwingen__',
      '⛔ `b.txt:9` Row has 9 cells',
      '⚠️ `a.txt:4` Row has 4 cells',
      '⚠️ `b.txt:2` Row has 2 cells',
    ]);
    expect(embed?.fields).toStrictEqual([
      {
        name: 'Wikipedia',
        value: [
          'Laatste controle <t:1771675200:R> mislukt: HTTP 503; wat de bot toont blijft ongewijzigd · elke 5 min',
          '`a.txt` revisie 1234',
          '`c.txt` niet geïmporteerd',
        ].join('\n'),
      },
      {
        name: 'Gateway-shards',
        value: [
          'Dit proces draait shards 2-3 van 4 · **1 niet gereed**',
          '`2` ready · 5 servers · 1 herverbinding · 40 ms',
          '`3` resuming · 1 server · 3 herverbindingen',
        ].join('\n'),
      },
    ]);
  });

  it('writes /reload in Polish, with each count in its plural form', () => {
    const embed = renderReload(RELOAD, { ...STATUS, events: 5, athletes: 22 }, langFor('pl')).embeds?.[0];
    expect(embed?.title).toBe('Przeładowano');
    expect(embed?.description?.split('\n')).toStrictEqual([
      'dodane: 1 · zaktualizowane: 0 · usunięte: 0 · nieudane: 1 · 12 ms',
      'Teraz dostępne: **5 artykułów** (22 zawodników).',
      '2 ostrzeżenia; `/status` wyświetla je z plikiem i wierszem.',
    ]);
    expect(embed?.fields).toStrictEqual([
      { name: 'Dodane', value: '`a.txt`' },
      {
        name: 'Nieudane',
        value: '`b.txt` — nadal udostępniana jest poprzednia wersja\n↳ wiersz 9: Row has 9 cells',
      },
    ]);
  });

  it('says nothing changed in Korean', () => {
    const nothing = { ...RELOAD, added: [], failed: [] };
    const embed = renderReload(nothing, { ...STATUS, files: [] }, langFor('ko')).embeds?.[0];
    expect(embed?.title).toBe('다시 불러왔습니다: 변경 없음');
    expect(embed?.description).toBe(
      '추가 0 · 업데이트 0 · 삭제 0 · 실패 0 · 12ms\n현재 제공: **기사 3개** (선수 1명).',
    );
  });

  it.each(LOCALES)(
    '%s: a long list of problems is cut with a count of the rest, within the limits',
    (locale) => {
      const many: StatusReport = {
        ...STATUS,
        files: [
          {
            file: 'b.txt',
            hash: 'y',
            eventId: null,
            diagnostics: Array.from({ length: 200 }, (_, i) => problem('warning', i + 1)),
          },
        ],
      };
      const lang = langFor(locale);
      const reply = renderStatus(many, WATCH, SHARDS, lang);
      const last = reply.embeds?.[0]?.description?.split('\n').at(-1) ?? '';
      const rest = Number(/\d+/.exec(last)?.[0]);
      expect(last).toBe(lang.t('replies.status.more', { count: rest }));
      expect(checkReplyLimits(reply)).toStrictEqual([]);
      expect(checkReplyLimits(renderReload(RELOAD, many, lang))).toStrictEqual([]);
    },
  );
});
