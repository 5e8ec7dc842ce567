import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * The strings to hide for each secret: the secret itself and, for a bot token (id.timestamp.hmac), its
 * HMAC part alone, which is the part that signs; the id part is only the public client id in base64.
 */
function hiddenStrings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    out.add(secret);
    const hmac = secret.split('.').at(-1) ?? '';
    if (hmac !== secret && hmac.length >= 20) out.add(hmac);
  }
  // Longest first, so the whole token is replaced before its HMAC part could split it.
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * JSON logs in which the secrets given never appear. Each serialised line is scrubbed as it is written
 * (pino's streamWrite hook), rather than the arguments before pino sees them, so no shape of log call can
 * carry a token past it: not a field nested however deep, a child logger's bindings, an object key or an
 * error's cause. Tokens are base64url and dots, which JSON writes unescaped, so the text searched is the
 * text written.
 */
export function createLogger(level: string, secrets: readonly string[] = [], destination = 1): Logger {
  const hidden = hiddenStrings(secrets);
  const scrub = (line: string) => hidden.reduce((out, secret) => out.split(secret).join('[redacted]'), line);
  return pino(
    {
      level,
      // Belt and braces: fields known to hold the token are censored before they are serialised at all.
      redact: {
        paths: [
          'token',
          '*.token',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      hooks: { streamWrite: scrub },
    },
    pino.destination({ fd: destination, sync: true }),
  );
}
