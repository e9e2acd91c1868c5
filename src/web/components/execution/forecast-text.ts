/**
 * A target's forecast in words, in the reader's language: core's forecastSentence ("Chance of
 * reaching 60 % by December, now: 34 % (was 61 % in March)"), which the server sends as
 * `sentence`, composed here from the target and its recorded months (namespace `execution`,
 * `forecast.sentence*`). In English it reads exactly as core's.
 */
import type { TargetForecast } from '../../../contracts';
import { monthName } from '../../../core/calendar';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';
import { measureOf, percentText } from '../pressure-test/wording';

type Forecast = Pick<TargetForecast, 'target' | 'targetHigh' | 'direction' | 'unitOfMeasure' | 'points'>;

/** A month's full name: "March", "März", "3月". */
const fullMonth = (month: number): string =>
  currentLanguage() === 'en'
    ? monthName(month)
    : new Intl.DateTimeFormat(currentLocale(), { month: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2000, month - 1, 1)),
      );

/** The sentence, or null before any month is recorded (as core's). */
export function forecastText(forecast: Forecast): string | null {
  const { points } = forecast;
  const now = points[points.length - 1];
  if (!now) return null;
  const goal =
    forecast.direction === 'band' && forecast.targetHigh !== null
      ? i18n.t('execution:forecast.band', {
          low: measureOf(forecast.target, ''),
          high: measureOf(forecast.targetHigh, forecast.unitOfMeasure),
        })
      : measureOf(forecast.target, forecast.unitOfMeasure);
  const first = points[0];
  const percent = percentText(now.probability);
  if (first && first !== now && Math.abs(first.probability - now.probability) >= 0.01)
    return i18n.t('execution:forecast.sentenceWas', {
      goal,
      percent,
      was: percentText(first.probability),
      month: fullMonth(first.month),
    });
  return i18n.t('execution:forecast.sentence', { goal, percent });
}
