import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Unit symbols of the API's Unit enum (the same as the schema's descriptions). */
export const UNIT_SYMBOLS: Record<string, string> = {
  MG_PER_KG: 'mg/kg',
  MG_PER_L: 'mg/L',
  MG_PER_M3: 'mg/m³',
  PERCENT_WW: '% w/w',
  PPM: 'ppm',
  UG_PER_CM2_WEEK: 'µg/cm²/week',
  UG_PER_G: 'µg/g',
  UG_PER_L: 'µg/L',
  UG_PER_M3: 'µg/m³',
};

/** Numbers and dates formatted by Intl for the chosen language (0,1 in Swedish, 0.1 in English). */
export function useFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
    const numbers = new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 });
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (value: number | null | undefined) => (value == null ? '–' : numbers.format(value)),
      /** A YYYY-MM-DD day (or null) as a date in the language. */
      date: (value: string | null | undefined) =>
        value ? dates.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : '–',
      dateTime: (value: string | null | undefined) => (value ? dateTimes.format(new Date(value)) : '–'),
      unit: (unit: string | null | undefined) => (unit ? (UNIT_SYMBOLS[unit] ?? unit) : ''),
    };
  }, [i18n.language]);
}
