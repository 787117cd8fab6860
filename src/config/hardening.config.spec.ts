import { loadHardeningConfig } from './hardening.config.js';

describe('hardening configuration', () => {
  it('defaults: introspection and landing page on outside production, off in production; JSON logs in production', () => {
    expect(loadHardeningConfig({}, false)).toMatchObject({ introspection: true, landingPage: true, logFormat: 'text' });
    expect(loadHardeningConfig({}, true)).toMatchObject({
      introspection: false,
      landingPage: false,
      logFormat: 'json',
    });
    expect(loadHardeningConfig({}, true).queryLimits).toEqual({
      maxDepth: 10,
      maxAliases: 15,
      maxTokens: 1000,
      maxDocumentBytes: 20_000,
      maxCost: 20_000,
      listCostFactor: 5,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadHardeningConfig(
      {
        INTROSPECTION: 'true',
        LANDING_PAGE: 'off',
        LOG_FORMAT: 'text',
        QUERY_MAX_DEPTH: '7',
        QUERY_MAX_COST: '500',
        RATE_LIMIT_ENABLED: 'false',
        RATE_LIMIT_PER_TOKEN: '5',
        TRUST_PROXY: '1',
        MAX_BODY_BYTES: '2048',
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
      true,
    );
    expect(config).toMatchObject({
      introspection: true,
      landingPage: false,
      logFormat: 'text',
      trustProxy: 1,
      maxBodyBytes: 2048,
      shutdownTimeoutMs: 5000,
    });
    expect(config.queryLimits).toMatchObject({ maxDepth: 7, maxCost: 500 });
    expect(config.rateLimit).toMatchObject({ enabled: false, perToken: 5 });
  });

  it.each([
    ['QUERY_MAX_DEPTH', '0'],
    ['QUERY_MAX_COST', 'lots'],
    ['INTROSPECTION', 'maybe'],
    ['LOG_FORMAT', 'xml'],
    ['RATE_LIMIT_WINDOW_MS', '-1'],
  ])('refuses %s=%s with a readable error', (name, value) => {
    expect(() => loadHardeningConfig({ [name]: value }, false)).toThrow(name);
  });
});
