import {
  casCheckDigit,
  ecCheckDigit,
  gtinCheckDigit,
  luhnCheckDigit,
} from '../../src/common/identifiers/identifiers.js';

/**
 * Valid, unique identifiers for tests, built with the same check-digit helpers the service
 * validates with. Each comes from a per-file counter (every e2e file runs on its own fresh
 * database), so values are deterministic and never repeat within a file. The ranges are chosen
 * to stay clear of the seeds: CAS numbers with a 7-digit first group starting 99, EC list
 * numbers starting 99, organisationsnummer starting 559, GTINs in the GS1 in-store prefix 2.
 */
let counter = 0;
const next = (): number => ++counter;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A CAS number such as `9900001-23-4`. */
export function uniqueCasNumber(): string {
  const n = next();
  const head = `99${pad(n, 5)}`;
  const middle = pad((n * 7) % 100, 2);
  return `${head}-${middle}-${casCheckDigit(head + middle)}`;
}

/** An EC number such as `990-012-5`; skips the combinations whose remainder is 10 (never issued). */
export function uniqueEcNumber(): string {
  for (;;) {
    const digits = `99${pad(next(), 4)}`;
    const check = ecCheckDigit(digits);
    if (check !== 10) return `${digits.slice(0, 3)}-${digits.slice(3)}-${check}`;
  }
}

/** A Swedish organisationsnummer `559NNN-NNNC` with a valid Luhn digit. */
export function uniqueOrganisationNumber(): string {
  const first9 = `559${pad(next(), 6)}`;
  return `${first9.slice(0, 6)}-${first9.slice(6)}${luhnCheckDigit(first9)}`;
}

/** A GTIN-13 `20NNNNNNNNNNC` (GS1 prefix 20–29: restricted circulation, never a real product). */
export function uniqueGtin13(): string {
  const body = `20${pad(next(), 10)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** A GTIN-14 `12NNNNNNNNNNNC` (packaging indicator 1 in front of a GTIN-13 body). */
export function uniqueGtin14(): string {
  const body = `120${pad(next(), 10)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** A GTIN-12 (UPC-A) `02NNNNNNNNNC`. */
export function uniqueGtin12(): string {
  const body = `02${pad(next(), 9)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** A GTIN-8 `2NNNNNNC`. */
export function uniqueGtin8(): string {
  const body = `2${pad(next(), 6)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** The same identifier with its last (check) digit changed, so it fails only on the check digit. */
export function withWrongCheckDigit(identifier: string): string {
  const last = Number(identifier.at(-1));
  return `${identifier.slice(0, -1)}${(last + 1) % 10}`;
}

/** A short unique token for names and codes, e.g. `7`, so tests can find exactly what they made. */
export function uniqueSuffix(): string {
  return pad(next(), 4);
}
