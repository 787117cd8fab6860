import { IsOptional, validate } from 'class-validator';
import {
  casCheckDigit,
  checkCasNumber,
  checkCountryCode,
  checkEcNumber,
  checkGtin,
  checkOrganisationNumber,
  ecCheckDigit,
  gtinCheckDigit,
  gtinForms,
  ISO_3166_1_ALPHA_2,
  luhnCheckDigit,
} from './identifiers.js';
import { IsCasNumber, IsCountryCode, IsEcNumber, IsGtin, IsOrganisationNumber } from './identifier.validators.js';

const CAS_FORM = 'must have the form NNNNNNN-NN-N (2 to 7 digits, 2 digits, check digit)';
const EC_FORM = 'must have the form NNN-NNN-N';
const ORG_FORM = 'must have the form NNNNNN-NNNN (10 digits)';
const GTIN_FORM = 'must be 8, 12, 13 or 14 digits';
const NOT_A_COUNTRY = 'is not an ISO 3166-1 alpha-2 country code';

describe('checkCasNumber', () => {
  it.each([
    ['117-81-7', '117-81-7'], // DEHP
    ['50-00-0', '50-00-0'], // formaldehyde: shortest first group
    ['7439-92-1', '7439-92-1'], // lead
    ['1163-19-5', '1163-19-5'],
    ['85535-84-8', '85535-84-8'],
    ['9016-45-9', '9016-45-9'],
    ['1234567-89-5', '1234567-89-5'], // seven digits in the first group
    ['  117-81-7 ', '117-81-7'], // trimmed
    ['0117-81-7', '0117-81-7'], // kept as given: leading zeros do not change the check digit
  ])('accepts %p as %p', (input, value) => {
    expect(checkCasNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['117-81-8', 'check digit should be 7'],
    ['50-00-1', 'check digit should be 0'],
    ['117817', CAS_FORM],
    ['1-81-7', CAS_FORM], // first group too short
    ['12345678-81-7', CAS_FORM], // first group too long
    ['117-8-7', CAS_FORM],
    ['117-81-77', CAS_FORM],
    ['117 81 7', CAS_FORM],
    ['abc-de-f', CAS_FORM],
    ['', CAS_FORM],
  ])('rejects %p: %s', (input, reason) => {
    expect(checkCasNumber(input)).toEqual({ ok: false, reason });
  });
});

describe('checkEcNumber', () => {
  it.each([
    ['204-211-0', '204-211-0'], // DEHP
    ['200-001-8', '200-001-8'], // formaldehyde
    ['231-100-4', '231-100-4'], // lead
    [' 201-557-4\n', '201-557-4'],
  ])('accepts %p as %p', (input, value) => {
    expect(checkEcNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['204-211-1', 'check digit should be 0'],
    ['200-001-9', 'check digit should be 8'],
    // 1·0+2·0+3·0+4·0+5·0+6·9 = 54 ≡ 10 (mod 11): never issued, whatever the last digit
    ['000-009-0', 'check digit remainder is 10, which is never issued'],
    ['000-009-9', 'check digit remainder is 10, which is never issued'],
    ['2042110', EC_FORM],
    ['204-2110', EC_FORM],
    ['20-4211-0', EC_FORM],
    ['', EC_FORM],
  ])('rejects %p: %s', (input, reason) => {
    expect(checkEcNumber(input)).toEqual({ ok: false, reason });
  });
});

describe('checkOrganisationNumber', () => {
  it.each([
    ['556036-0793', '556036-0793'],
    ['5560360793', '556036-0793'], // normalised with a hyphen
    ['232100-0016', '232100-0016'], // Region Stockholm
    ['212000-0142', '212000-0142'], // Stockholms stad
    [' 2321000255 ', '232100-0255'],
  ])('accepts %p as %p', (input, value) => {
    expect(checkOrganisationNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['556036-0794', 'Luhn check digit should be 3'],
    ['232100-0017', 'Luhn check digit should be 6'],
    ['556036-079', ORG_FORM],
    ['556036-07930', ORG_FORM],
    ['55603-60793', ORG_FORM],
    ['556036+0793', ORG_FORM],
    ['SE556036079301', ORG_FORM],
    ['', ORG_FORM],
  ])('rejects %p: %s', (input, reason) => {
    expect(checkOrganisationNumber(input)).toEqual({ ok: false, reason });
  });
});

describe('checkGtin', () => {
  it.each([
    ['73513537'], // GTIN-8
    ['036000291452'], // GTIN-12 (UPC-A)
    ['4006381333931'], // GTIN-13
    ['7350012340018'],
    ['17350045670028'], // GTIN-14
    ['00000000'],
  ])('accepts %p', (input) => {
    expect(checkGtin(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['4006381333932', 'check digit should be 1'],
    ['73513530', 'check digit should be 7'],
    ['036000291450', 'check digit should be 2'],
    ['1234567', GTIN_FORM],
    ['12345678901', GTIN_FORM],
    ['123456789012345', GTIN_FORM],
    ['400638133393A', GTIN_FORM],
    ['4006-3813-3393-1', GTIN_FORM],
    ['', GTIN_FORM],
  ])('rejects %p: %s', (input, reason) => {
    expect(checkGtin(input)).toEqual({ ok: false, reason });
  });
});

describe('gtinForms', () => {
  it.each([
    ['7350012340018', ['07350012340018', '7350012340018']],
    ['07350012340018', ['07350012340018', '7350012340018']],
    ['17350045670028', ['17350045670028']],
    ['036000291452', ['00036000291452', '0036000291452', '036000291452']],
    ['73513537', ['00000073513537', '0000073513537', '000073513537', '73513537']],
  ])('%p is the same GTIN-14 as %p', (input, forms) => {
    expect(gtinForms(input)).toEqual(forms);
  });
});

describe('checkCountryCode', () => {
  it('knows all 249 officially assigned codes', () => {
    expect(ISO_3166_1_ALPHA_2.size).toBe(249);
  });

  it.each([
    ['SE', 'SE'],
    ['se', 'SE'],
    [' de ', 'DE'],
    ['CN', 'CN'],
    ['AX', 'AX'], // Åland
    ['SS', 'SS'], // South Sudan
    ['BQ', 'BQ'],
  ])('accepts %p as %p', (input, value) => {
    expect(checkCountryCode(input)).toEqual({ ok: true, value });
  });

  it.each([['UK'], ['EU'], ['XK'], ['SWE'], ['S'], ['AN'], ['YU'], ['']])('rejects %p', (input) => {
    expect(checkCountryCode(input)).toEqual({ ok: false, reason: NOT_A_COUNTRY });
  });
});

describe('check-digit helpers', () => {
  it.each([
    ['117-81', 7],
    ['11781', 7],
    ['5000', 0],
    ['743992', 1],
  ])('casCheckDigit(%p) = %p', (digits, expected) => {
    expect(casCheckDigit(digits)).toBe(expected);
  });

  it.each([
    ['204-211', 0],
    ['204211', 0],
    ['000009', 10],
  ])('ecCheckDigit(%p) = %p', (digits, expected) => {
    expect(ecCheckDigit(digits)).toBe(expected);
  });

  it.each([
    ['556036079', 3],
    ['556036-079', 3],
    ['232100001', 6],
  ])('luhnCheckDigit(%p) = %p', (digits, expected) => {
    expect(luhnCheckDigit(digits)).toBe(expected);
  });

  it.each([
    ['7351353', 7],
    ['03600029145', 2],
    ['400638133393', 1],
    ['1735004567002', 8],
  ])('gtinCheckDigit(%p) = %p', (body, expected) => {
    expect(gtinCheckDigit(body)).toBe(expected);
  });

  it.each<[string, (digits: string) => number, string]>([
    ['casCheckDigit', casCheckDigit, '117'],
    ['casCheckDigit', casCheckDigit, '11a-81'],
    ['ecCheckDigit', ecCheckDigit, '20421'],
    ['luhnCheckDigit', luhnCheckDigit, '5560360793'],
    ['gtinCheckDigit', gtinCheckDigit, '12345678'],
  ])('%s rejects a malformed body %p', (_name, helper, digits) => {
    expect(() => helper(digits)).toThrow(RangeError);
  });
});

class Sample {
  @IsOptional() @IsCasNumber() casNumber?: string | null;
  @IsOptional() @IsEcNumber() ecNumber?: string | null;
  @IsOptional() @IsOrganisationNumber() organisationNumber?: string | null;
  @IsOptional() @IsGtin() gtin?: string | null;
  @IsOptional() @IsCountryCode() country?: string | null;
  @IsOptional() @IsCasNumber({ each: true }) casNumbers?: string[];
}

class Required {
  @IsCasNumber() casNumber: unknown;
}

async function messages(sut: object): Promise<string[]> {
  const errors = await validate(sut);
  return errors.flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('identifier validators', () => {
  it.each<[Partial<Sample>, string]>([
    [{ casNumber: '117-81-8' }, 'casNumber "117-81-8": check digit should be 7'],
    [{ casNumber: '117817' }, `casNumber "117817": ${CAS_FORM}`],
    [{ ecNumber: '204-211-1' }, 'ecNumber "204-211-1": check digit should be 0'],
    [{ ecNumber: '000-009-0' }, 'ecNumber "000-009-0": check digit remainder is 10, which is never issued'],
    [{ organisationNumber: '556036-0794' }, 'organisationNumber "556036-0794": Luhn check digit should be 3'],
    [{ gtin: '4006381333932' }, 'gtin "4006381333932": check digit should be 1'],
    [{ gtin: '12345' }, `gtin "12345": ${GTIN_FORM}`],
    [{ country: 'UK' }, `country "UK": ${NOT_A_COUNTRY}`],
    [{ casNumbers: ['117-81-7', '84-74-3'] }, 'casNumbers "84-74-3": check digit should be 2'],
  ])('rejects %p with the message %p', async (props, message) => {
    const sut = Object.assign(new Sample(), props);
    expect(await messages(sut)).toEqual([message]);
  });

  it.each<[Partial<Sample>]>([
    [{}],
    [{ casNumber: null, ecNumber: null, organisationNumber: null, gtin: null, country: null }],
    [
      {
        casNumber: '117-81-7',
        ecNumber: '204-211-0',
        organisationNumber: '5560360793',
        gtin: '73513537',
        country: 'se',
      },
    ],
    [{ casNumbers: ['117-81-7', '84-74-2'] }],
  ])('accepts %p', async (props) => {
    const sut = Object.assign(new Sample(), props);
    expect(await messages(sut)).toEqual([]);
  });

  it.each<[unknown, string[]]>([
    [undefined, []], // absent values are left to @IsOptional / @IsDefined
    [null, []],
    [117817, ['casNumber "117817": must be a string']],
  ])('without @IsOptional, %p gives %p', async (value, expected) => {
    const sut = Object.assign(new Required(), { casNumber: value });
    expect(await messages(sut)).toEqual(expected);
  });

  it('lets a caller override the message', async () => {
    class Custom {
      @IsGtin({ message: 'not a GTIN' }) gtin = '123';
    }
    expect(await messages(new Custom())).toEqual(['not a GTIN']);
  });
});
