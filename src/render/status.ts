import type { APIEmbedField } from 'discord.js';
import type { FileReport } from '../load/loader.js';
import type { ReloadReport, StatusReport } from '../load/store.js';
import type { WatchStatus } from '../import/watch-status.js';
import { formatShardIds } from '../hosts/gateway/shard-plan.js';
import type { SHARD_STATES } from '../metrics.js';
import type { Diagnostic } from '../model/schemas.js';
import { BRAND_COLOUR, clip, discordTime, mdSafe } from './format.js';
import type { Reply } from './reply.js';

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

/** "1 added · 0 updated · 0 removed · 1 failed · 12 ms" */
export function reloadSummary(report: ReloadReport): string {
  return [
    `${report.added.length} added`,
    `${report.updated.length} updated`,
    `${report.removed.length} removed`,
    `${report.failed.length} failed`,
    `${Math.round(report.durationMs)} ms`,
  ].join(' · ');
}

/** A list of file names for a field, cut to the field limit with a count of the rest. */
function fileList(lines: readonly string[]): string {
  const out: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 1 > 1000) {
      out.push(`…and ${lines.length - i} more`);
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

function problemsText(problems: readonly Diagnostic[]): string {
  const lines: string[] = [];
  let length = 0;
  for (const [i, problem] of problems.entries()) {
    const line = problemLine(problem);
    if (length + line.length + 1 > PROBLEMS_ROOM) {
      lines.push(`…and ${problems.length - i} more`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** The Wikipedia watcher's field: last poll, and each article's served revision or why the wiki's is not served. */
function watchField(watch: WatchStatus): APIEmbedField {
  const poll = watch.lastPoll
    ? `Last poll ${discordTime(Math.floor(watch.lastPoll.getTime() / 1000), 'R')}${
        watch.lastError
          ? ` failed: ${clip(mdSafe(watch.lastError), MAX_PROBLEM)}; what is served stays as it was`
          : ''
      }`
    : 'No poll yet.';
  const lines = watch.articles.map((a) => {
    const revision = a.revid === null ? 'not imported' : `revision ${a.revid}`;
    const problem = a.problem ? `\n⛔ ${clip(mdSafe(a.problem), MAX_PROBLEM)}` : '';
    return `${inlineCode(a.file)} ${revision}${problem}`;
  });
  const every =
    watch.intervalSeconds < 60
      ? `${Number(watch.intervalSeconds.toFixed(1))} s`
      : `${Number((watch.intervalSeconds / 60).toFixed(1))} min`;
  const head = `${poll} · every ${every}`;
  return { name: 'Wikipedia', value: fileList([head, ...lines]) };
}

/** One line per shard: "`0` ready · 12 servers · 1 reconnect · 41 ms", cut to a field with a count of the rest. */
function shardsField({ count, shards }: ShardsStatus): APIEmbedField {
  const lines = shards.map((shard) => {
    const parts = [
      `\`${shard.id}\` ${shard.state.replace(/_/g, ' ')}`,
      plural(shard.guilds, 'server'),
      plural(shard.reconnects, 'reconnect'),
    ];
    if (shard.pingMs !== null) parts.push(`${shard.pingMs} ms`);
    return parts.join(' · ');
  });
  const notReady = shards.filter((shard) => shard.state !== 'ready').length;
  const ids = formatShardIds(shards.map((shard) => shard.id));
  const head = `This process runs ${shards.length === 1 ? 'shard' : 'shards'} ${ids} of ${count}${notReady > 0 ? ` · **${notReady} not ready**` : ''}`;
  return { name: 'Gateway shards', value: fileList([head, ...lines]) };
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
): Reply {
  const problems = orderProblems(status.files, status.lastReload);
  const failed = status.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length;
  const head = [
    `**${plural(status.events, 'article')}** loaded · ${plural(status.athletes, 'skater')}`,
    `${plural(status.files.length, 'file')} in ${inlineCode(status.dir)}${failed > 0 ? ` · **${failed} with errors**` : ''}`,
  ];
  const last = status.lastReload;
  head.push(
    last
      ? `Last reload ${discordTime(Math.floor(last.at.getTime() / 1000), 'R')}: ${reloadSummary(last)}`
      : 'No reload since the bot started.',
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const title =
    problems.length === 0
      ? 'No problems'
      : `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`;
  const description = [...head, '', `__${title}__`];
  if (problems.length > 0) description.push(problemsText(problems));
  return {
    embeds: [
      {
        title: 'Status',
        description: description.join('\n'),
        color:
          errors > 0 || watch?.lastError || watch?.articles.some((a) => a.problem)
            ? WARNING_COLOUR
            : BRAND_COLOUR,
        ...(watch || shards
          ? { fields: [...(watch ? [watchField(watch)] : []), ...(shards ? [shardsField(shards)] : [])] }
          : {}),
      },
    ],
    ephemeral: true,
  };
}

/** What a reload changed, with the first error of each file that failed. Private. */
export function renderReload(report: ReloadReport, status: StatusReport): Reply {
  const byFile = new Map(status.files.map((f) => [f.file, f]));
  const fields: APIEmbedField[] = [];
  const list = (name: string, files: readonly string[]) => {
    if (files.length > 0) fields.push({ name, value: fileList(files.map(inlineCode)) });
  };
  list('Added', report.added);
  list('Updated', report.updated);
  list('Removed', report.removed);
  if (report.failed.length > 0) {
    const lines = report.failed.map(({ file, keptPrevious }) => {
      const error = byFile.get(file)?.diagnostics.find((d) => d.severity === 'error');
      const kept = keptPrevious ? 'the previous version is still served' : 'not loaded';
      const why = error ? `\n↳ line ${error.position.line}: ${clip(mdSafe(error.message), MAX_PROBLEM)}` : '';
      return `${inlineCode(file)} — ${kept}${why}`;
    });
    fields.push({ name: 'Failed', value: fileList(lines) });
  }
  const warnings = status.files.reduce(
    (n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length,
    0,
  );
  const description = [
    reloadSummary(report),
    `Now serving **${plural(status.events, 'article')}** (${plural(status.athletes, 'skater')}).`,
  ];
  if (warnings > 0)
    description.push(`${plural(warnings, 'warning')}; \`/status\` lists them with file and line.`);
  const nothing =
    report.added.length + report.updated.length + report.removed.length + report.failed.length === 0;
  return {
    embeds: [
      {
        title: nothing ? 'Reloaded: nothing changed' : 'Reloaded',
        description: description.join('\n'),
        color: report.failed.length > 0 ? WARNING_COLOUR : BRAND_COLOUR,
        fields,
      },
    ],
    ephemeral: true,
  };
}
