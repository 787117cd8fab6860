import { loadConfig } from '../config/configuration.js';

describe('sign-in configuration', () => {
  it('defaults to 30 minutes idle, 10 hours absolute, the development provider outside production only', () => {
    const sut = loadConfig({}).signIn;
    expect(sut).toMatchObject({ sessionIdleSeconds: 1800, sessionAbsoluteSeconds: 36_000, devIdentityProvider: true });
    expect(sut.secretKey).toBeNull();
    expect(loadConfig({ NODE_ENV: 'production' }).signIn.devIdentityProvider).toBe(false);
  });

  it('refuses the development identity provider in production, as the demo tokens are', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_IDP: 'true' })).toThrow(/refused in production/);
  });

  it('reads the key as 32 bytes of hex or base64, and refuses any other length', () => {
    expect(loadConfig({ IDP_SECRET_KEY: 'ab'.repeat(32) }).signIn.secretKey).toHaveLength(32);
    expect(loadConfig({ IDP_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).signIn.secretKey).toHaveLength(32);
    expect(() => loadConfig({ IDP_SECRET_KEY: 'too-short' })).toThrow(/32 bytes/);
  });

  it('takes the session limits in minutes and hours, or in seconds', () => {
    const sut = loadConfig({ SESSION_IDLE_MINUTES: '15', SESSION_ABSOLUTE_HOURS: '8' }).signIn;
    expect([sut.sessionIdleSeconds, sut.sessionAbsoluteSeconds]).toEqual([900, 28_800]);
    expect(loadConfig({ SESSION_IDLE_SECONDS: '5' }).signIn.sessionIdleSeconds).toBe(5);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });
});
