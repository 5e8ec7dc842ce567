// Discord signs every request to an Interactions Endpoint URL with Ed25519 over the timestamp header followed
// by the raw body; anything that does not verify is not from Discord and must get 401 and nothing else.
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A timestamp further than this from our clock is refused, so a captured request cannot be replayed later. */
export const MAX_CLOCK_SKEW_S = 300;

const PUBLIC_KEY_HEX = /^[0-9a-f]{64}$/i;
const SIGNATURE_HEX = /^[0-9a-f]{128}$/i;
// Unix seconds; at most 12 digits, so Number() is exact and a huge value cannot pass as "near".
const TIMESTAMP = /^\d{1,12}$/;

/** The application's public key (64 hex digits, the developer portal's "Public Key") as a key object. */
export function importPublicKey(hex: string): KeyObject {
  if (!PUBLIC_KEY_HEX.test(hex)) throw new Error('an Ed25519 public key is 64 hex digits');
  // JWK takes the raw 32 bytes of the key, with no DER wrapping to get wrong.
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** Whether `signatureHex` is the key's Ed25519 signature of `message`; false for any malformed input. */
export function verifySignature(key: KeyObject, message: Buffer, signatureHex: string): boolean {
  if (!SIGNATURE_HEX.test(signatureHex)) return false;
  try {
    return verify(null, message, key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks one request as Discord sends it: the two headers and the body exactly as received (a re-spaced
 * JSON body is a different message and fails). `nowMs` is the clock the timestamp is compared with.
 */
export function verifyRequest(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): Verdict {
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing headers' };
  if (!SIGNATURE_HEX.test(signature)) return { ok: false, reason: 'malformed signature' };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S)
    return { ok: false, reason: 'stale timestamp' };
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verifySignature(key, message, signature) ? { ok: true } : { ok: false, reason: 'bad signature' };
}
