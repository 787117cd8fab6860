import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The development key when IDP_SECRET_KEY is unset outside production: fixed and public (it is in
 * this file), so secrets stored with it are as good as plain text. Production never uses it.
 */
export const DEVELOPMENT_SECRET_KEY = createHash('sha256')
  .update('kemkollen development only, never production')
  .digest();

/**
 * AES-256-GCM encryption of the identity providers' client secrets (and the ID tokens kept for
 * sign-out) at rest: a random 96-bit IV per value, the 128-bit tag checked on decryption, so a
 * changed or swapped value is refused rather than decrypted to garbage. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url); `v1` leaves room for a key rotation.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes (AES-256)');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plain text; throws when the value was sealed with another key or has been changed. */
  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
