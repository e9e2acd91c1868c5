/** A year-end score 0.0-1.0 as a coloured badge: met (green), close (amber), missed (red), unmeasured. */
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/locale';
import { Badge, type BadgeTone } from '../badge';

export function ScoreBadge({ score, met }: { score: number | null; met: boolean | null }) {
  const { t } = useTranslation('yearclose');
  if (score === null) return <Badge tone="neutral">{t('score.notMeasured')}</Badge>;
  const tone: BadgeTone = met ? 'green' : score >= 0.7 ? 'amber' : 'red';
  return <Badge tone={tone}>{met ? t('score.met', { score: oneDecimal(score) }) : oneDecimal(score)}</Badge>;
}

/** A score or a value with one decimal, in the reader's number format ("0.7", German "0,7"). */
export function oneDecimal(value: number): string {
  return value.toLocaleString(currentLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
}

/** A number as the matrix shows it: up to one decimal, with its unit of measure. */
export function measure(value: number | null, unit: string): string {
  if (value === null) return '—';
  const text = Number.isInteger(value)
    ? value.toLocaleString(currentLocale(), { useGrouping: false })
    : oneDecimal(value);
  if (!unit) return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}
