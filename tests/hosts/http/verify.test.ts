import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_CLOCK_SKEW_S,
  importPublicKey,
  verifyRequest,
  verifySignature,
} from '../../../src/hosts/http/verify.js';

/** A fresh Ed25519 key pair, the public half as the developer portal shows it (64 hex digits). */
function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { publicHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

// RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte, 0x72).
const RFC_8032 = [
  {
    name: 'TEST 1',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

describe('hosts/http/verify', () => {
  describe('importPublicKey and verifySignature', () => {
    it.each(RFC_8032)('accepts RFC 8032 $name through the key import the bot uses', (vector) => {
      const key = importPublicKey(vector.publicKey);
      expect(verifySignature(key, Buffer.from(vector.message, 'hex'), vector.signature)).toBe(true);
    });

    it.each(RFC_8032)('refuses RFC 8032 $name with one bit of the signature flipped', (vector) => {
      const key = importPublicKey(vector.publicKey);
      const flipped = (parseInt(vector.signature[0]!, 16) ^ 1).toString(16) + vector.signature.slice(1);
      expect(verifySignature(key, Buffer.from(vector.message, 'hex'), flipped)).toBe(false);
    });

    it('refuses a vector checked against the other vector’s key', () => {
      const [one, two] = RFC_8032;
      expect(verifySignature(importPublicKey(two!.publicKey), Buffer.alloc(0), one!.signature)).toBe(false);
    });

    it.each(['', 'xyz', 'd75a98', `${'0'.repeat(63)}g`, '0'.repeat(66)])(
      'refuses %j as a public key',
      (hex) => {
        expect(() => importPublicKey(hex)).toThrow(/64 hex digits/);
      },
    );
  });

  describe('verifyRequest', () => {
    const { publicHex, privateKey } = keyPair();
    const key = importPublicKey(publicHex);
    const now = 1_780_000_000_000;
    const timestamp = String(now / 1000);
    const body = Buffer.from('{"type":1,"id":"1","token":"t"}');
    const signed = (ts: string, bytes: Buffer) =>
      sign(null, Buffer.concat([Buffer.from(ts), bytes]), privateKey).toString('hex');
    const signature = signed(timestamp, body);

    it('accepts a request signed with the matching key (a round trip)', () => {
      expect(verifyRequest(key, signature, timestamp, body, now)).toStrictEqual({ ok: true });
      expect(verifyRequest(key, signature.toUpperCase(), timestamp, body, now)).toStrictEqual({ ok: true });
    });

    it(`accepts a timestamp up to ${MAX_CLOCK_SKEW_S} s either side of now`, () => {
      for (const skew of [-MAX_CLOCK_SKEW_S, MAX_CLOCK_SKEW_S]) {
        const ts = String(now / 1000 + skew);
        expect(verifyRequest(key, signed(ts, body), ts, body, now)).toStrictEqual({ ok: true });
      }
    });

    const other = keyPair();
    it.each<{ what: string; args: () => Parameters<typeof verifyRequest>; reason: string }>([
      {
        what: 'a signature made with another key',
        args: () => [importPublicKey(other.publicHex), signature, timestamp, body, now],
        reason: 'bad signature',
      },
      {
        what: 'a changed body',
        args: () => [key, signature, timestamp, Buffer.from('{"type":1,"id":"2","token":"t"}'), now],
        reason: 'bad signature',
      },
      {
        what: 'the same JSON, only re-spaced',
        args: () => [key, signature, timestamp, Buffer.from('{"type": 1, "id": "1", "token": "t"}'), now],
        reason: 'bad signature',
      },
      {
        what: 'a changed timestamp',
        args: () => [key, signature, String(now / 1000 + 1), body, now],
        reason: 'bad signature',
      },
      {
        what: 'a stale timestamp, correctly signed',
        args: () => {
          const ts = String(now / 1000 - MAX_CLOCK_SKEW_S - 1);
          return [key, signed(ts, body), ts, body, now];
        },
        reason: 'stale timestamp',
      },
      {
        what: 'a timestamp from the future, correctly signed',
        args: () => {
          const ts = String(now / 1000 + MAX_CLOCK_SKEW_S + 1);
          return [key, signed(ts, body), ts, body, now];
        },
        reason: 'stale timestamp',
      },
      {
        what: 'a timestamp that is not a number',
        args: () => [key, signed('soon', body), 'soon', body, now],
        reason: 'malformed timestamp',
      },
      {
        what: 'a timestamp with a fraction',
        args: () => [key, signed(`${timestamp}.5`, body), `${timestamp}.5`, body, now],
        reason: 'malformed timestamp',
      },
      {
        what: 'no signature header',
        args: () => [key, undefined, timestamp, body, now],
        reason: 'missing headers',
      },
      {
        what: 'no timestamp header',
        args: () => [key, signature, undefined, body, now],
        reason: 'missing headers',
      },
      {
        what: 'a signature that is not hex',
        args: () => [key, `${signature.slice(0, -1)}z`, timestamp, body, now],
        reason: 'malformed signature',
      },
      {
        what: 'a short signature',
        args: () => [key, signature.slice(0, 126), timestamp, body, now],
        reason: 'malformed signature',
      },
      {
        what: 'a long signature',
        args: () => [key, `${signature}00`, timestamp, body, now],
        reason: 'malformed signature',
      },
      {
        what: 'an empty signature',
        args: () => [key, '', timestamp, body, now],
        reason: 'malformed signature',
      },
      {
        what: 'an all-zero signature',
        args: () => [key, '0'.repeat(128), timestamp, body, now],
        reason: 'bad signature',
      },
    ])('refuses $what', ({ args, reason }) => {
      expect(verifyRequest(...args())).toStrictEqual({ ok: false, reason });
    });
  });
});
