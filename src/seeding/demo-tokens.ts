import { Role } from '../auth/role.js';

/**
 * Demo tokens for the README's examples. They exist only in the demo data, which is never
 * loaded when NODE_ENV=production; real tokens are random and made by `npm run cli -- token create`.
 */
export const DEMO_TOKENS = [
  {
    token: 'kk_demo_admin',
    organisationCode: 'adda',
    role: Role.ADMIN,
    principal: 'Demo Admin',
    email: 'admin@example.org',
  },
  {
    token: 'kk_demo_coordinator',
    organisationCode: 'region-vastra-gotaland',
    role: Role.COORDINATOR,
    principal: 'Demo Samordnare',
    email: 'samordnare@example.org',
  },
  {
    token: 'kk_demo_skane',
    organisationCode: 'region-skane',
    role: Role.CONTACT_PERSON,
    principal: 'Demo Kontaktperson Skåne',
    email: 'skane@example.org',
  },
  {
    token: 'kk_demo_stockholm',
    organisationCode: 'region-stockholm',
    role: Role.CONTACT_PERSON,
    principal: 'Demo Kontaktperson Stockholm',
    email: 'stockholm@example.org',
  },
  {
    token: 'kk_demo_reader',
    organisationCode: 'region-uppsala',
    role: Role.READER,
    principal: 'Demo Läsare Uppsala',
    email: 'uppsala@example.org',
  },
  {
    token: 'kk_demo_supplier',
    /** A member of the demo supplier Lekverket (seeds/demo/suppliers.json), in its own organisation. */
    supplierKey: 'lekverket-ab',
    role: Role.SUPPLIER,
    principal: 'Demo Leverantör Lekverket',
    email: 'lekverket@example.org',
  },
] as const;
