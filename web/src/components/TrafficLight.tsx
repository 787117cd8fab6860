import { useTranslation } from 'react-i18next';
import { useFormat } from './format';

const LIGHT_COLOURS: Record<string, string> = { GREEN: '#00703c', YELLOW: '#ffdd00', RED: '#b10e1e' };

/** A supplier's traffic light: the colour and, never by colour alone, its name and the day it holds for. */
export function TrafficLight({ light, evaluatedOn }: { light: string; evaluatedOn: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p className="traffic-light">
      <span className="light" style={{ backgroundColor: LIGHT_COLOURS[light] }} aria-hidden="true" />
      <strong>{t(`light.${light}`)}</strong>{' '}
      <span className="meta">{t('supplier.evaluatedOn', { date: f.date(evaluatedOn) })}</span>
    </p>
  );
}
