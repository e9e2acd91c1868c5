/**
 * The OKRs tab: the unit's objectives for a cycle with their key results, progress, status and a
 * check-in form on each key result the user may check in on (editors: all of them; contributors:
 * those their person owns; viewers: none). Editors also edit the OKRs in place: add, edit, delete,
 * reorder, move and clone (okr-editor.tsx); the others see them read-only. Alignments are
 * resolved against the parent unit's OKRs of the same cycle so they read "Aligned to CIO KR: …".
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ObjectiveWithKeyResults, Unit } from '../../contracts';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { QueryView } from '../components/form/query-view';
import { PlusIcon, TargetIcon } from '../components/icons';
import { ObjectiveCard, type AlignmentLabel } from '../components/okr/objective-card';
import { useOkrEditor } from '../components/okr/okr-editor';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { paths } from '../paths';
import { useUnitAccess } from '../session/use-unit-access';

export function OkrsPage({ unit, cycleId }: { unit: Unit; cycleId: string | undefined }) {
  const { t } = useTranslation('okrs');
  const { data: org } = useOrg();
  const { canCheckIn, canEdit } = useUnitAccess(unit.id);
  const client = useQueryClient();
  const okrs = useQuery({ ...queries.unitOkrs(unit.id, cycleId ?? ''), enabled: cycleId !== undefined });
  const progress = useQuery({
    ...queries.unitProgress(unit.id, cycleId ?? ''),
    enabled: cycleId !== undefined,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: keys.unit(unit.id) });
  const parentId = unit.parentId;
  useLiveChanges(cycleId ? { unitId: unit.id } : null);
  const parentOkrs = useQuery({
    ...queries.unitOkrs(parentId ?? '', cycleId ?? ''),
    enabled: parentId !== null && cycleId !== undefined,
  });
  const parentName = parentId ? org?.unitsById.get(parentId)?.name : undefined;
  const resolve = useMemo(
    () => alignmentResolver(parentOkrs.data ?? [], parentName),
    [parentOkrs.data, parentName],
  );
  const editor = useOkrEditor({
    unitId: unit.id,
    cycleId: cycleId ?? '',
    objectives: okrs.data ?? [],
    parentOkrs: parentOkrs.data ?? [],
    parentName,
    people: org?.people ?? [],
    cycles: org?.cycles ?? [],
    onChanged: refresh,
  });
  const edit = canEdit ? editor.actions : undefined;
  const cycle = org?.cycles.find((c) => c.id === cycleId);
  const actions: ReactNode = (
    <div className="okrs-actions">
      {org && canEdit && (
        <Link className="btn btn-ghost btn-sm" href={paths.checkInUpload(org.organisation.id, unit.id)}>
          {t('page.uploadCheckIns')}
        </Link>
      )}
      {edit && (
        <Button size="sm" variant="primary" icon={<PlusIcon size={14} />} onClick={edit.addObjective}>
          {t('page.addObjective')}
        </Button>
      )}
    </div>
  );

  if (!cycleId) {
    return (
      <EmptyState icon={<TargetIcon size={22} />} title={t('page.noCycle')}>
        {t('page.noCycleText')}
      </EmptyState>
    );
  }
  return (
    <>
      <QueryView
        query={okrs}
        errorTitle={t('page.error')}
        canRetry
        loadingLabel={t('page.loading')}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            icon={<TargetIcon size={22} />}
            title={t('page.emptyTitle', { unit: unit.name })}
            action={edit ? actions : undefined}
          >
            {t(edit ? 'page.emptyTextEditor' : 'page.emptyText')}
          </EmptyState>
        }
      >
        {(list) => {
          const objectives = [...list].sort((a, b) => a.position - b.position);
          const committed = objectives.filter((o) => o.kind === 'committed').length;
          const krCount = objectives.reduce((sum, o) => sum + o.keyResults.length, 0);
          return (
            <section className="okrs" aria-label={t('page.label')}>
              <div className="okrs-summary">
                <span>
                  <Trans
                    t={t}
                    i18nKey="page.objectiveCount"
                    values={{ count: objectives.length }}
                    components={{ strong: <strong /> }}
                  />
                </span>
                <span>
                  <Trans
                    t={t}
                    i18nKey="page.keyResultCount"
                    values={{ count: krCount }}
                    components={{ strong: <strong /> }}
                  />
                </span>
                <span>
                  <Trans
                    t={t}
                    i18nKey="page.kinds"
                    values={{ committed, aspirational: objectives.length - committed }}
                    components={{ strong: <strong /> }}
                  />
                </span>
                <span className="okrs-summary-spacer" />
                {actions}
              </div>
              {objectives.map((objective, index) => (
                <ObjectiveCard
                  key={objective.id}
                  objective={objective}
                  index={index}
                  peopleById={org?.peopleById ?? new Map()}
                  alignment={resolve(objective)}
                  execution={progress.data?.objectives.find((view) => view.id === objective.id)}
                  onCheckedIn={refresh}
                  mayCheckIn={(kr) => canCheckIn(kr.ownerId)}
                  edit={edit}
                  cycle={cycle}
                  count={objectives.length}
                  canEdit={canEdit}
                />
              ))}
            </section>
          );
        }}
      </QueryView>
      {editor.dialog}
    </>
  );
}

function alignmentResolver(parentOkrs: ObjectiveWithKeyResults[], parentName: string | undefined) {
  const objectives = new Map(parentOkrs.map((o) => [o.id, o.title]));
  const krs = new Map(parentOkrs.flatMap((o) => o.keyResults.map((kr) => [kr.id, kr.title] as const)));
  return (objective: ObjectiveWithKeyResults): AlignmentLabel | undefined => {
    if (objective.alignedKeyResultId) {
      const title = krs.get(objective.alignedKeyResultId);
      return { kind: 'key result', title, unitName: title ? parentName : undefined };
    }
    if (objective.alignedObjectiveId) {
      const title = objectives.get(objective.alignedObjectiveId);
      return { kind: 'objective', title, unitName: title ? parentName : undefined };
    }
    return undefined;
  };
}
