/** The locale a terminal asks in, and the arguments left once the `--locale` flag is taken out. */
export interface ConsoleLocale {
  /** A Discord locale tag (`nl`, `zh-CN`, `en-US`); the core answers any tag it has no file for in English. */
  locale: string;
  args: string[];
}

// POSIX names Norwegian by its written standards; Discord has one tag for both.
const LANGUAGE_TAGS: Record<string, string> = { nb: 'no', nn: 'no', no: 'no', zh: 'zh-CN', en: 'en-US' };

/**
 * A POSIX locale (`nl_NL.UTF-8`, `zh_CN`, `en_GB`) as Discord tags it: the language alone where Discord
 * has no regions for it (`nl`), the region where it has (`zh-CN`, `en-GB`). `C` and `POSIX` are English.
 */
export function discordLocaleOf(posix: string): string {
  const match = /^(?<language>[a-z]{2,3})(?:[_-](?<region>[A-Za-z]{2}))?/.exec(posix.trim());
  const language = match?.groups?.language;
  if (!language) return 'en-US';
  const region = match.groups?.region?.toUpperCase();
  if ((language === 'en' || language === 'zh' || language === 'pt' || language === 'es') && region)
    return language === 'es' && region !== 'ES' ? 'es-419' : `${language}-${region}`;
  if (language === 'sv') return 'sv-SE';
  return LANGUAGE_TAGS[language] ?? language;
}

/** `--locale <tag>` (or `--locale=<tag>`) wins; else LC_ALL, LC_MESSAGES or LANG, as POSIX orders them. */
export function consoleLocale(argv: readonly string[], env: NodeJS.ProcessEnv): ConsoleLocale {
  const args: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--locale') flag = argv[++i];
    else if (arg.startsWith('--locale=')) flag = arg.slice('--locale='.length);
    else args.push(arg);
  }
  if (flag !== undefined && flag.trim() !== '') return { locale: flag.trim(), args };
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value && value.trim() !== '');
  return { locale: posix ? discordLocaleOf(posix) : 'en-US', args };
}
