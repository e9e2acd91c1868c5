/**
 * The rule of an objective's "How was this computed" in the reader's language. Core
 * (progress.ts) writes it in English as `summary`; the rule, the number of terms and the total
 * weight it is written from come with it, so the web composes it from those (namespace
 * `execution`, `explanation.rule.*`). In English it reads exactly as core's.
 */
import type { UnitProgress } from '../../../contracts';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';

type Explanation = Pick<
  UnitProgress['objectives'][number]['explanation'],
  'rule' | 'terms' | 'totalWeight' | 'summary'
>;

/** The total weight as core writes it (to 3 decimals); in the reader's decimal form otherwise. */
const weightOf = (total: number): string => {
  const rounded = Math.round(total * 1000) / 1000;
  return currentLanguage() === 'en'
    ? String(rounded)
    : new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 3, useGrouping: false }).format(
        rounded,
      );
};

/** The rule in words; core's English summary for a rule the web does not know. */
export function explanationSummary(explanation: Explanation): string {
  const count = explanation.terms.length;
  switch (explanation.rule) {
    case 'weighted':
      return i18n.t('execution:explanation.rule.weighted', {
        count,
        total: weightOf(explanation.totalWeight),
      });
    case 'equal':
      return i18n.t('execution:explanation.rule.equal', { count });
    case 'empty':
      return i18n.t('execution:explanation.rule.empty');
    default:
      return explanation.summary;
  }
}
