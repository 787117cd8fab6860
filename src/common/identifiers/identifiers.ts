/**
 * Checks for the identifiers the registry accepts (DOMAIN.md, "Identifiers").
 *
 * Pure functions without framework imports, so that the validators, the seed loader, the
 * importers and the tests all share one definition of "valid". Each check trims its input and
 * returns either the normalised value or a reason that a caller can put after the field name
 * (`casNumber "117-81-8": check digit should be 7`).
 */

/** The outcome of an identifier check: the normalised value, or why the input was rejected. */
export type Check = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): Check => ({ ok: true, value });
const fail = (reason: string): Check => ({ ok: false, reason });

function digitsOf(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0) - 48);
}

function assertDigits(digits: string, lengths: readonly number[], helper: string): void {
  if (!/^\d+$/.test(digits) || !lengths.includes(digits.length)) {
    throw new RangeError(`${helper}: expected ${lengths.join(' or ')} digits, got "${digits}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Check-digit helpers (also used by seeds and tests to build valid identifiers)
// ---------------------------------------------------------------------------------------------

/**
 * CAS check digit for the digits before it (both groups, hyphens allowed): each digit times its
 * position counted from the right (1, 2, 3, …), summed, modulo 10. `casCheckDigit('117-81')` is 7.
 */
export function casCheckDigit(digits: string): number {
  const plain = digits.replace(/-/g, '');
  assertDigits(plain, [4, 5, 6, 7, 8, 9], 'casCheckDigit');
  return (
    digitsOf(plain)
      .reverse()
      .reduce((sum, d, i) => sum + d * (i + 1), 0) % 10
  );
}

/**
 * EC remainder for the first six digits (hyphen allowed): (1·d1 + 2·d2 + … + 6·d6) mod 11.
 * Returns 10 for the combinations the EC never issues; callers must treat 10 as invalid.
 */
export function ecCheckDigit(first6: string): number {
  const plain = first6.replace(/-/g, '');
  assertDigits(plain, [6], 'ecCheckDigit');
  return digitsOf(plain).reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
}

/**
 * Luhn check digit for the first nine digits of an organisationsnummer (hyphen allowed): the
 * digits are weighted 2, 1, 2, … from the left, products above 9 have their digits summed.
 */
export function luhnCheckDigit(first9: string): number {
  const plain = first9.replace(/-/g, '');
  assertDigits(plain, [9], 'luhnCheckDigit');
  const sum = digitsOf(plain).reduce((acc, d, i) => {
    const p = i % 2 === 0 ? d * 2 : d;
    return acc + (p > 9 ? p - 9 : p);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/**
 * GTIN check digit for the body (all digits but the check digit, 7, 11, 12 or 13 of them):
 * weights 3, 1, 3, … counted from the right of the body, `(10 − sum mod 10) mod 10`.
 */
export function gtinCheckDigit(body: string): number {
  assertDigits(body, [7, 11, 12, 13], 'gtinCheckDigit');
  const sum = digitsOf(body)
    .reverse()
    .reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const CAS = /^(\d{2,7})-(\d{2})-(\d)$/;
const EC = /^(\d{3})-(\d{3})-(\d)$/;
const ORGANISATION_NUMBER = /^(\d{6})-?(\d{4})$/;
const GTIN = /^(?:\d{8}|\d{12}|\d{13}|\d{14})$/;

/** CAS Registry Number, `NNNNNNN-NN-N` with 2 to 7 digits in the first group. Kept as given, trimmed. */
export function checkCasNumber(input: string): Check {
  const value = String(input).trim();
  const match = CAS.exec(value);
  if (!match) return fail('must have the form NNNNNNN-NN-N (2 to 7 digits, 2 digits, check digit)');
  const expected = casCheckDigit(match[1] + match[2]);
  return Number(match[3]) === expected ? ok(value) : fail(`check digit should be ${expected}`);
}

/** EC number (EINECS, ELINCS, NLP or list number), `NNN-NNN-N`. */
export function checkEcNumber(input: string): Check {
  const value = String(input).trim();
  const match = EC.exec(value);
  if (!match) return fail('must have the form NNN-NNN-N');
  const expected = ecCheckDigit(match[1] + match[2]);
  if (expected === 10) return fail('check digit remainder is 10, which is never issued');
  return Number(match[3]) === expected ? ok(value) : fail(`check digit should be ${expected}`);
}

/**
 * Swedish organisationsnummer: ten digits, Luhn over all ten. Accepts `NNNNNN-NNNN` and
 * `NNNNNNNNNN`; the value is always normalised to `NNNNNN-NNNN`.
 */
export function checkOrganisationNumber(input: string): Check {
  const value = String(input).trim();
  const match = ORGANISATION_NUMBER.exec(value);
  if (!match) return fail('must have the form NNNNNN-NNNN (10 digits)');
  const [, head, tail] = match;
  const expected = luhnCheckDigit(head + tail.slice(0, 3));
  return Number(tail[3]) === expected ? ok(`${head}-${tail}`) : fail(`Luhn check digit should be ${expected}`);
}

/** GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14, digits only. */
export function checkGtin(input: string): Check {
  const value = String(input).trim();
  if (!GTIN.test(value)) return fail('must be 8, 12, 13 or 14 digits');
  const expected = gtinCheckDigit(value.slice(0, -1));
  return Number(value.slice(-1)) === expected ? ok(value) : fail(`check digit should be ${expected}`);
}

/**
 * Every stored form of a valid GTIN (8, 12, 13 or 14 digits) that is the same GTIN-14: GS1 compares
 * GTINs right-aligned in 14 digits, so `07350012340018` (GTIN-14) is `7350012340018` (GTIN-13), and
 * `00012345600012` is also `012345600012` (GTIN-12) and `12345600012`… only where the dropped digits are
 * zeros. Products keep the GTIN as given; a search compares with `IN (forms)`, so the index is used.
 */
export function gtinForms(valid: string): string[] {
  const gtin14 = valid.padStart(14, '0');
  return [14, 13, 12, 8].filter((n) => /^0*$/.test(gtin14.slice(0, 14 - n))).map((n) => gtin14.slice(14 - n));
}

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes. Exceptionally or transitionally
 * reserved codes (EU, UK, XK, …) are not countries and are rejected.
 */
export const ISO_3166_1_ALPHA_2: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
    'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ ' +
    'EC EE EG EH ER ES ET ' +
    'FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
    'HK HM HN HR HT HU ' +
    'ID IE IL IM IN IO IQ IR IS IT ' +
    'JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ ' +
    'LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
    'NA NC NE NF NG NI NL NO NP NR NU NZ ' +
    'OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
    'QA ' +
    'RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
    'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ ' +
    'VA VC VE VG VI VN VU ' +
    'WF WS ' +
    'YE YT ' +
    'ZA ZM ZW'
  ).split(' '),
);

/** ISO 3166-1 alpha-2 country code; normalised to upper case. */
export function checkCountryCode(input: string): Check {
  const value = String(input).trim().toUpperCase();
  return ISO_3166_1_ALPHA_2.has(value) ? ok(value) : fail('is not an ISO 3166-1 alpha-2 country code');
}
