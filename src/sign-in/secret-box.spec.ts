import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';

describe('SecretBox (AES-256-GCM)', () => {
  const sut = new SecretBox(randomBytes(32));

  it('opens what it sealed, and never stores the plain text', () => {
    const sealed = sut.seal('s3cret-value');
    expect(sealed).not.toContain('s3cret');
    expect(sut.seal('s3cret-value')).not.toBe(sealed);
    expect(sut.open(sealed)).toBe('s3cret-value');
  });

  it('refuses a changed value and another key', () => {
    const sealed = sut.seal('s3cret-value');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    expect(() => sut.open([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});
