import type { APIEmbedField } from 'discord.js';
import type { FileReport } from '../load/loader.js';
import type { ReloadReport, StatusReport } from '../load/store.js';
import type { WatchStatus } from '../import/watch-status.js';
import { formatShardIds } from '../hosts/gateway/shard-plan.js';
import type { SHARD_STATES } from '../metrics.js';
import type { Diagnostic } from '../model/schemas.js';
import { BRAND_COLOUR, clip, discordTime, mdSafe } from './format.js';
import type { Reply } from './reply.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

const WARNING_COLOUR = 0xdd6b20;
const MAX_PROBLEM = 180;
const PROBLEMS_ROOM = 3000;

/** A gateway shard's state as discord.js names it, in lower snake case (`waiting_for_guilds`). */
export type ShardState = (typeof SHARD_STATES)[number];

export interface ShardStatus {
  id: number;
  state: ShardState;
  /** Connections lost and re-opened since the process started. */
  reconnects: number;
  /** Servers this shard receives events for. */
  guilds: number;
  /** Last heartbeat round trip; null before the first. */
  pingMs: number | null;
}

/** The gateway shards this process runs, of the bot's `count`. */
export interface ShardsStatus {
  count: number;
  shards: ShardStatus[];
}

function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

/** "1 added · 0 updated · 0 removed · 1 failed · 12 ms" */
export function reloadSummary(report: ReloadReport, lang: Lang = EN): string {
  return lang.t('replies.status.summary', {
    added: report.added.length,
    updated: report.updated.length,
    removed: report.removed.length,
    failed: report.failed.length,
    ms: Math.round(report.durationMs),
  });
}

/** A list of file names for a field, cut to the field limit with a count of the rest. */
function fileList(lines: readonly string[], lang: Lang): string {
  const out: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 1 > 1000) {
      out.push(lang.t('replies.status.more', { count: lines.length - i }));
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}

function problemLine(diagnostic: Diagnostic): string {
  const icon = diagnostic.severity === 'error' ? '⛔' : '⚠️';
  const where = inlineCode(`${diagnostic.position.source}:${diagnostic.position.line}`);
  return `${icon} ${where} ${clip(mdSafe(diagnostic.message), MAX_PROBLEM)}`;
}

/**
 * Problems in the order an operator needs them: errors (a file not served) first, then files the last
 * reload touched, then the rest; by line within a file.
 */
export function orderProblems(files: readonly FileReport[], last: ReloadReport | null): Diagnostic[] {
  const recent = new Set([
    ...(last?.added ?? []),
    ...(last?.updated ?? []),
    ...(last?.failed.map((f) => f.file) ?? []),
  ]);
  const fileOrder = new Map(files.map((f, i) => [f.file, i]));
  const entries = files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, d })));
  const weight = ({ file, d }: { file: string; d: Diagnostic }) =>
    d.severity === 'error' ? 0 : recent.has(file) ? 1 : 2;
  entries.sort(
    (a, b) =>
      weight(a) - weight(b) ||
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      a.d.position.line - b.d.position.line,
  );
  return entries.map((e) => e.d);
}

function problemsText(problems: readonly Diagnostic[], lang: Lang): string {
  const lines: string[] = [];
  let length = 0;
  for (const [i, problem] of problems.entries()) {
    const line = problemLine(problem);
    if (length + line.length + 1 > PROBLEMS_ROOM) {
      lines.push(lang.t('replies.status.more', { count: problems.length - i }));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** The Wikipedia watcher's field: last poll, and each article's served revision or why the wiki's is not served. */
function watchField(watch: WatchStatus, lang: Lang): APIEmbedField {
  let poll = lang.t('replies.status.noPoll');
  if (watch.lastPoll) {
    poll = lang.t('replies.status.lastPoll', {
      when: discordTime(Math.floor(watch.lastPoll.getTime() / 1000), 'R'),
    });
    if (watch.lastError)
      poll = lang.t('replies.status.pollFailed', {
        poll,
        error: clip(mdSafe(watch.lastError), MAX_PROBLEM),
      });
  }
  const lines = watch.articles.map((a) => {
    const revision =
      a.revid === null
        ? lang.t('replies.status.notImported')
        : lang.t('replies.status.revision', { revid: a.revid });
    const problem = a.problem ? `\n⛔ ${clip(mdSafe(a.problem), MAX_PROBLEM)}` : '';
    return `${inlineCode(a.file)} ${revision}${problem}`;
  });
  const interval =
    watch.intervalSeconds < 60
      ? lang.t('replies.status.seconds', { n: Number(watch.intervalSeconds.toFixed(1)) })
      : lang.t('replies.status.minutes', { n: Number((watch.intervalSeconds / 60).toFixed(1)) });
  const head = lang.t('replies.status.every', { poll, interval });
  return { name: 'Wikipedia', value: fileList([head, ...lines], lang) };
}

/** One line per shard: "`0` ready · 12 servers · 1 reconnect · 41 ms", cut to a field with a count of the rest. */
function shardsField({ count, shards }: ShardsStatus, lang: Lang): APIEmbedField {
  const lines = shards.map((shard) => {
    // The state stays as discord.js names it: an operator looks it up under that name.
    const parts = [
      `\`${shard.id}\` ${shard.state.replace(/_/g, ' ')}`,
      lang.t('replies.status.servers', { count: shard.guilds }),
      lang.t('replies.status.reconnects', { count: shard.reconnects }),
    ];
    if (shard.pingMs !== null) parts.push(`${shard.pingMs} ms`);
    return parts.join(' · ');
  });
  const notReady = shards.filter((shard) => shard.state !== 'ready').length;
  const ids = formatShardIds(shards.map((shard) => shard.id));
  const runs = lang.t('replies.status.shards', { count: shards.length, ids, total: count });
  const head = notReady > 0 ? `${runs} · ${lang.t('replies.status.notReady', { n: notReady })}` : runs;
  return { name: lang.t('replies.status.shardsField'), value: fileList([head, ...lines], lang) };
}

/**
 * What is loaded, what is wrong with it (file:line), and when it was last reloaded; with the Wikipedia
 * watcher running, its last poll and each article's revision; with `shards`, the gateway shards this
 * process runs and the state of each. Private.
 */
export function renderStatus(
  status: StatusReport,
  watch: WatchStatus | null = null,
  shards?: ShardsStatus,
  lang: Lang = EN,
): Reply {
  const problems = orderProblems(status.files, status.lastReload);
  const failed = status.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length;
  const files = lang.t('replies.status.filesIn', {
    files: lang.t('replies.status.files', { count: status.files.length }),
    dir: inlineCode(status.dir),
  });
  const head = [
    lang.t('replies.status.loaded', {
      articles: lang.t('replies.status.articles', { count: status.events }),
      skaters: lang.t('replies.status.skaters', { count: status.athletes }),
    }),
    failed > 0 ? `${files} · ${lang.t('replies.status.withErrors', { n: failed })}` : files,
  ];
  const last = status.lastReload;
  head.push(
    last
      ? lang.t('replies.status.lastReload', {
          when: discordTime(Math.floor(last.at.getTime() / 1000), 'R'),
          summary: reloadSummary(last, lang),
        })
      : lang.t('replies.status.noReload'),
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const title =
    problems.length === 0
      ? lang.t('replies.status.noProblems')
      : lang.t('replies.status.problems', {
          errors: lang.t('replies.status.errors', { count: errors }),
          warnings: lang.t('replies.status.warnings', { count: problems.length - errors }),
        });
  const description = [...head, '', `__${title}__`];
  if (problems.length > 0) description.push(problemsText(problems, lang));
  return {
    embeds: [
      {
        title: lang.t('replies.status.title'),
        description: description.join('\n'),
        color:
          errors > 0 || watch?.lastError || watch?.articles.some((a) => a.problem)
            ? WARNING_COLOUR
            : BRAND_COLOUR,
        ...(watch || shards
          ? {
              fields: [
                ...(watch ? [watchField(watch, lang)] : []),
                ...(shards ? [shardsField(shards, lang)] : []),
              ],
            }
          : {}),
      },
    ],
    ephemeral: true,
  };
}

/** What a reload changed, with the first error of each file that failed. Private. */
export function renderReload(report: ReloadReport, status: StatusReport, lang: Lang = EN): Reply {
  const byFile = new Map(status.files.map((f) => [f.file, f]));
  const fields: APIEmbedField[] = [];
  const list = (name: string, files: readonly string[]) => {
    if (files.length > 0) fields.push({ name, value: fileList(files.map(inlineCode), lang) });
  };
  list(lang.t('replies.reload.added'), report.added);
  list(lang.t('replies.reload.updated'), report.updated);
  list(lang.t('replies.reload.removed'), report.removed);
  if (report.failed.length > 0) {
    const lines = report.failed.map(({ file, keptPrevious }) => {
      const error = byFile.get(file)?.diagnostics.find((d) => d.severity === 'error');
      const kept = lang.t(keptPrevious ? 'replies.reload.keptPrevious' : 'replies.reload.notLoaded');
      // The parser's own message stays in English, as the logs and the article's file have it.
      const why = error
        ? `\n↳ ${lang.t('replies.reload.line', {
            line: error.position.line,
            message: clip(mdSafe(error.message), MAX_PROBLEM),
          })}`
        : '';
      return `${inlineCode(file)} — ${kept}${why}`;
    });
    fields.push({ name: lang.t('replies.reload.failed'), value: fileList(lines, lang) });
  }
  const warnings = status.files.reduce(
    (n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length,
    0,
  );
  const description = [
    reloadSummary(report, lang),
    lang.t('replies.reload.serving', {
      articles: lang.t('replies.status.articles', { count: status.events }),
      skaters: lang.t('replies.status.skaters', { count: status.athletes }),
    }),
  ];
  if (warnings > 0)
    description.push(
      lang.t('replies.reload.warnings', { warnings: lang.t('replies.status.warnings', { count: warnings }) }),
    );
  const nothing =
    report.added.length + report.updated.length + report.removed.length + report.failed.length === 0;
  return {
    embeds: [
      {
        title: lang.t(nothing ? 'replies.reload.titleNothing' : 'replies.reload.title'),
        description: description.join('\n'),
        color: report.failed.length > 0 ? WARNING_COLOUR : BRAND_COLOUR,
        fields,
      },
    ],
    ephemeral: true,
  };
}
