/**
 * The initiatives that drive a target's probability, as a small tornado: per initiative the
 * probability with its impact at the low and at the high end of its range (the bar), without it
 * and delivered for sure; the one that matters most first. Computed by core/sensitivity.ts.
 */
import { useTranslation } from 'react-i18next';
import type { TargetSensitivity } from '../../../core/sensitivity';
import { percentText } from './wording';

const SHOWN = 3;

export function Drivers({ sensitivity }: { sensitivity: TargetSensitivity | undefined }) {
  const { t } = useTranslation('pressure');
  if (!sensitivity) return <p className="drivers-pending">{t('drivers.pending')}</p>;
  const drivers = sensitivity.drivers.filter((d) => d.swing > 0.005).slice(0, SHOWN);
  if (drivers.length === 0) return <p className="drivers-pending">{t('drivers.none')}</p>;
  const at = (p: number) => `${Math.round(p * 1000) / 10}%`;
  return (
    <div className="drivers" data-testid="drivers">
      <p className="drivers-title">{t('drivers.title')}</p>
      <ul>
        {drivers.map((d) => {
          const from = Math.min(d.atLow, d.atHigh, d.without, d.delivered);
          const to = Math.max(d.atLow, d.atHigh, d.without, d.delivered);
          return (
            <li key={d.initiativeId} className="driver">
              <span className="driver-name">{d.title}</span>
              <span className="driver-track" aria-hidden="true">
                <span
                  className="driver-span"
                  style={{ left: at(from), width: at(Math.max(0.004, to - from)) }}
                />
                <span
                  className="driver-range"
                  style={{
                    left: at(Math.min(d.atLow, d.atHigh)),
                    width: at(Math.max(0.004, Math.abs(d.atHigh - d.atLow))),
                  }}
                />
                <span className="driver-now" style={{ left: at(sensitivity.probability) }} />
              </span>
              <span className="driver-words">
                {t('drivers.words', {
                  low: percentText(d.atLow),
                  high: percentText(d.atHigh),
                  without: percentText(d.without),
                  delivered: percentText(d.delivered),
                })}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
