import type { Dictionary } from './sv';

/** Every visible string in English, with the keys of sv.ts. */
export const en: Dictionary = {
  layout: { skipToContent: 'Skip to main content', navigation: 'Main menu' },
  nav: {
    start: 'Start',
    search: 'Search',
    statistics: 'Statistics',
    signIn: 'Sign in',
    accessibility: 'Accessibility statement',
  },
  role: {
    ADMIN: 'administrator',
    COORDINATOR: 'coordinator',
    CONTACT_PERSON: 'environment contact person',
    READER: 'reader',
  },
  common: {
    loading: 'Loading …',
    errorTitle: 'Something went wrong',
    problemTitle: 'There is a problem',
  },
  auth: {
    title: 'Sign in',
    intro: "Sign in with the token your organisation's administrator gave you.",
    token: 'Token',
    signIn: 'Sign in',
    signOut: 'Sign out',
    tokenMissing: 'Enter your token',
    tokenRejected: 'The token is not valid: it is wrong, has expired or has been revoked',
  },
  start: { title: 'Start' },
  statistics: {
    title: 'Follow-up statistics',
    intro: 'Anonymised statistics over shared, completed follow-ups. It names no supplier, product or organisation.',
    followUps: 'Follow-ups',
    measurements: 'Measurements',
    byCategory: 'Results by product category',
    bySubstance: 'Results by substance (the ten most frequent)',
    category: 'Product category',
    substance: 'Substance',
    noCategory: 'Supplier follow-up',
  },
  verdict: {
    PASS: 'Pass',
    FAIL: 'Fail',
    INCONCLUSIVE: 'Inconclusive',
    INCOMPLETE: 'Incomplete',
    NO_DATA: 'No data',
    NOT_COMPARABLE: 'Not comparable',
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      'kemkollen should be usable by everyone. This page describes how the site meets the Swedish act on accessibility of digital public services (2018:1937).',
    statusTitle: 'How accessible is the site?',
    status:
      'The site is built to meet WCAG 2.1 level AA (EN 301 549). Every page is tested automatically with axe, and logging a follow-up can be done with the keyboard alone.',
    knownTitle: 'Known issues',
    knownCharts:
      'The charts are also shown as tables with the same figures; the charts themselves are not read by screen readers.',
    reportTitle: 'Report a problem',
    report: 'If something does not work for you, write to us and we answer within two working days:',
    supervisionTitle: 'Supervision',
    supervision:
      'The Agency for Digital Government (Digg) supervises the act. If you are not satisfied with how we handle your report, you may contact Digg.',
  },
  notFound: { title: 'Page not found', back: 'Go to the start page' },
};
