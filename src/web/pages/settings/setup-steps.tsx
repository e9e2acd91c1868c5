/**
 * The way on through a new organisation's setup, above its settings until every step has
 * something in it: organisation → units → cycles → people, the first empty one marked as next.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CheckIcon } from '../../components/icons';
import type { OrgData } from '../../hooks/org-context';
import { paths, type SettingsSection } from '../../paths';

export function SetupSteps({ org, current }: { org: OrgData; current: SettingsSection }) {
  const { t } = useTranslation('settings');
  const steps: { section: Exclude<SettingsSection, 'notifications'>; done: boolean }[] = [
    { section: 'general', done: true },
    { section: 'units', done: org.units.length > 0 },
    { section: 'cycles', done: org.cycles.length > 0 },
    { section: 'people', done: org.people.length > 0 },
  ];
  const next = steps.find((step) => !step.done);
  if (!next) return null;
  return (
    <nav className="setup-steps" aria-label={t('setupSteps.label')}>
      <span className="setup-steps-title">{t('setupSteps.title', { name: org.organisation.name })}</span>
      {steps.map((step, index) => (
        <Link
          key={step.section}
          href={paths.settings(org.organisation.id, step.section)}
          className={`setup-step${step.done ? ' setup-step-done' : ''}${step === next ? ' setup-step-next' : ''}`}
          aria-current={step.section === current ? 'step' : undefined}
        >
          {step.done ? <CheckIcon /> : <span aria-hidden="true">{index + 1}.</span>}
          {t(`setupSteps.steps.${step.section}`)}
          {step === next && <span className="visually-hidden"> {t('setupSteps.next')}</span>}
        </Link>
      ))}
    </nav>
  );
}
