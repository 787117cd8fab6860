import { loadConfig } from '../config/configuration.js';
import { DEMO_TOKENS } from './demo-tokens.js';
import { ROLES } from '../vocabulary/vocabulary.js';

/** The demo data, and with it the demo tokens, is never loaded in production, whatever DEMO_DATA says. */
describe('demo tokens', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['development, by default', {}, true],
    ['development, DEMO_DATA=false', { DEMO_DATA: 'false' }, false],
    ['production, by default', { NODE_ENV: 'production' }, false],
    ['production, even with DEMO_DATA=true', { NODE_ENV: 'production', DEMO_DATA: 'true' }, false],
  ])('%s: demoData is %s', (_label, env, expected) => {
    expect(loadConfig(env).demoData).toBe(expected);
  });

  it('are recognisable as demo tokens (kk_demo_…), one per role', () => {
    expect(DEMO_TOKENS.every((t) => t.token.startsWith('kk_demo_'))).toBe(true);
    expect(new Set(DEMO_TOKENS.map((t) => t.role))).toEqual(new Set(ROLES));
  });
});
