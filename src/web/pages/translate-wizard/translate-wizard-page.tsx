/**
 * The Translate wizard: a parent unit's OKRs for a cycle become a child unit's X-matrix in seven
 * steps — scope, What, How Far, How, How Much, Who, grids — then one "Apply" writes it all in one
 * transaction and opens the new matrix. Route: `/org/:orgId/translate/:unitId` (the child unit).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ObjectiveWithKeyResults } from '../../../contracts';
import { listOkrs } from '../../api-client';
import { applyTranslation, prefillTranslation, previewTranslation } from '../../api-translate';
import { keys } from '../../api/query-keys';
import { Button } from '../../components/button';
import { PageError, PageLoading } from '../../components/page-state';
import { Spinner } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { useOrg, type OrgData } from '../../hooks/org-context';
import type { Proposal } from './proposal-edits';
import { StepGrids } from './step-grids';
import { StepHow, StepHowFar, StepHowMuch, StepWhat } from './step-items';
import { StepScope, type Scope } from './step-scope';
import { StepWho } from './step-who';
import { paths } from '../../paths';

const STEPS = ['scope', 'what', 'howFar', 'how', 'howMuch', 'who', 'grids'] as const;

export function TranslateWizardPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation('wizard');
  const { data, error } = useOrg();
  if (error) return <PageError title={t('page.loadError')} error={error} />;
  if (!data) return <PageLoading />;
  return <Wizard data={data} unitId={unitId} />;
}

function initialScope(data: OrgData, unitId: string): Scope {
  const unit = data.unitsById.get(unitId);
  const cycle = [...data.cycles].sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  return {
    fromUnitId: unit?.parentId ?? '',
    toUnitId: unitId,
    cycleId: cycle?.id ?? '',
    year: cycle?.year ?? new Date().getFullYear(),
  };
}

function Wizard({ data, unitId }: { data: OrgData; unitId: string }) {
  const { t } = useTranslation('wizard');
  const [, navigate] = useLocation();
  const toast = useToast();
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [scope, setScope] = useState<Scope>(() => initialScope(data, unitId));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [okrs, setOkrs] = useState<ObjectiveWithKeyResults[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  const next = () =>
    attempt(async () => {
      if (step === 0) {
        const [proposed, parentOkrs] = await Promise.all([
          previewTranslation(scope),
          listOkrs(scope.fromUnitId, scope.cycleId),
        ]);
        setProposal(proposed);
        setOkrs(parentOkrs);
      } else if (step === STEPS.length - 2 && proposal) {
        setProposal(await prefillTranslation(proposal));
      }
      setStep((s) => s + 1);
    });
  const apply = () =>
    attempt(async () => {
      if (!proposal) return;
      const result = await applyTranslation(proposal);
      toast.show({
        tone: 'success',
        message: result.createdMatrix
          ? t('page.created', { unit: result.view.unit.name })
          : t('page.extended', { unit: result.view.unit.name }),
      });
      // The answer is the new view: the matrix page shows it at once instead of a cached "no matrix".
      client.setQueryData(keys.matrixView(result.view.unit.id, result.view.matrix.year), result.view);
      await data.refetchMatrices();
      navigate(paths.matrix(data.organisation.id, result.view.unit.id, result.view.matrix.year));
    });

  const stepProps = proposal ? { proposal, okrs, onChange: setProposal } : null;
  const child = data.unitsById.get(scope.toUnitId);
  const current = STEPS[step];
  return (
    <div className="page wizard-page">
      <header className="page-header">
        <h1>{child ? t('page.title', { unit: child.name }) : t('page.titleNoUnit')}</h1>
        <ol className="wizard-steps" aria-label={t('page.stepsLabel')}>
          {STEPS.map((name, i) => (
            <li
              key={name}
              className={i === step ? 'is-current' : i < step ? 'is-done' : ''}
              aria-current={i === step ? 'step' : undefined}
            >
              <span className="tabular">{i + 1}</span> {t(`steps.${name}`)}
            </li>
          ))}
        </ol>
      </header>
      <section className="wizard-body" aria-label={current ? t(`steps.${current}`) : undefined}>
        {step === 0 && (
          <StepScope scope={scope} units={data.units} cycles={data.cycles} onChange={setScope} />
        )}
        {stepProps && step === 1 && <StepWhat {...stepProps} />}
        {stepProps && step === 2 && <StepHowFar {...stepProps} />}
        {stepProps && step === 3 && <StepHow {...stepProps} />}
        {stepProps && step === 4 && <StepHowMuch {...stepProps} />}
        {stepProps && step === 5 && (
          <StepWho
            proposal={stepProps.proposal}
            people={data.people}
            unitsById={data.unitsById}
            onChange={setProposal}
          />
        )}
        {stepProps && step === 6 && <StepGrids proposal={stepProps.proposal} onChange={setProposal} />}
        {problem && (
          <p className="wizard-problem" role="alert">
            {problem}
          </p>
        )}
      </section>
      <footer className="wizard-footer">
        <Button disabled={step === 0 || busy} onClick={() => setStep((s) => s - 1)}>
          {t('page.back')}
        </Button>
        {busy && <Spinner size={14} label={t('page.working')} />}
        {step < STEPS.length - 1 ? (
          <Button
            variant="primary"
            disabled={busy || !scope.fromUnitId || !scope.cycleId}
            onClick={() => void next()}
          >
            {step === 0 ? t('page.propose') : t('page.next')}
          </Button>
        ) : (
          <Button variant="primary" disabled={busy} onClick={() => void apply()}>
            {t('page.apply')}
          </Button>
        )}
      </footer>
    </div>
  );
}
