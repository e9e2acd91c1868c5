/**
 * Editing a unit's OKRs in place (editors only): the actions an objective card and a key result
 * row offer, and the one dialog open at a time. Reordering is a direct call (move up / down);
 * everything else opens a dialog. After each change the unit's reads are refreshed.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle, KeyResult, Objective, ObjectiveWithKeyResults, Person } from '../../../contracts';
import { deleteKeyResult, deleteObjective, moveKeyResult, moveObjective } from '../../api-okrs';
import { ConfirmDialog } from '../confirm-dialog';
import { useToast } from '../toast';
import { KeyResultForm } from './key-result-form';
import { ObjectiveForm } from './objective-form';
import { MoveKeyResultDialog, ObjectiveCycleDialog } from './okr-move-dialogs';

type Open =
  | { kind: 'objective'; objective?: Objective }
  | { kind: 'keyResult'; objective: Objective; keyResult?: KeyResult }
  | { kind: 'moveKeyResult'; keyResult: KeyResult }
  | { kind: 'cycle'; objective: Objective; mode: 'move' | 'clone' }
  | { kind: 'deleteObjective'; objective: ObjectiveWithKeyResults }
  | { kind: 'deleteKeyResult'; keyResult: KeyResult };

/** What the cards call; present only for editors. */
export interface OkrEditActions {
  addObjective: () => void;
  editObjective: (objective: Objective) => void;
  deleteObjective: (objective: ObjectiveWithKeyResults) => void;
  /** Moves by one place in the unit's list (`-1` up, `1` down). */
  shiftObjective: (objective: Objective, by: -1 | 1, index: number) => void;
  moveObjectiveToCycle: (objective: Objective) => void;
  cloneObjective: (objective: Objective) => void;
  addKeyResult: (objective: Objective) => void;
  editKeyResult: (objective: Objective, kr: KeyResult) => void;
  deleteKeyResult: (kr: KeyResult) => void;
  shiftKeyResult: (kr: KeyResult, by: -1 | 1, index: number) => void;
  moveKeyResult: (kr: KeyResult) => void;
  /** Whether there is another objective to move a key result to. */
  canMoveKeyResults: boolean;
}

interface EditorContext {
  unitId: string;
  cycleId: string;
  objectives: readonly ObjectiveWithKeyResults[];
  parentOkrs: readonly ObjectiveWithKeyResults[];
  parentName: string | undefined;
  people: readonly Person[];
  cycles: readonly Cycle[];
  /** Refreshes the unit's OKRs and progress after a change. */
  onChanged: () => void;
}

export function useOkrEditor(context: EditorContext): { actions: OkrEditActions; dialog: ReactNode } {
  const { t } = useTranslation('okrs');
  const [open, setOpen] = useState<Open | null>(null);
  const toast = useToast();
  const close = () => setOpen(null);
  const saved = (message?: string) => {
    context.onChanged();
    if (message) toast.show({ tone: 'success', message });
  };
  const failed = (error: unknown) =>
    toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });

  const actions: OkrEditActions = {
    addObjective: () => setOpen({ kind: 'objective' }),
    editObjective: (objective) => setOpen({ kind: 'objective', objective }),
    deleteObjective: (objective) => setOpen({ kind: 'deleteObjective', objective }),
    shiftObjective: (objective, by, index) =>
      void moveObjective(objective.id, { version: objective.version, position: index + by }).then(
        () => saved(),
        failed,
      ),
    moveObjectiveToCycle: (objective) => setOpen({ kind: 'cycle', objective, mode: 'move' }),
    cloneObjective: (objective) => setOpen({ kind: 'cycle', objective, mode: 'clone' }),
    addKeyResult: (objective) => setOpen({ kind: 'keyResult', objective }),
    editKeyResult: (objective, keyResult) => setOpen({ kind: 'keyResult', objective, keyResult }),
    deleteKeyResult: (keyResult) => setOpen({ kind: 'deleteKeyResult', keyResult }),
    shiftKeyResult: (kr, by, index) =>
      void moveKeyResult(kr.id, { version: kr.version, position: index + by }).then(() => saved(), failed),
    moveKeyResult: (keyResult) => setOpen({ kind: 'moveKeyResult', keyResult }),
    canMoveKeyResults: context.objectives.length > 1,
  };

  const dialog = (() => {
    if (!open) return null;
    switch (open.kind) {
      case 'objective':
        return (
          <ObjectiveForm
            objective={open.objective}
            unitId={context.unitId}
            cycleId={context.cycleId}
            parentOkrs={context.parentOkrs}
            parentName={context.parentName}
            onClose={close}
            onSaved={() => saved(t(open.objective ? 'editor.objectiveSaved' : 'editor.objectiveAdded'))}
          />
        );
      case 'keyResult':
        return (
          <KeyResultForm
            keyResult={open.keyResult}
            objectiveId={open.objective.id}
            objectiveTitle={open.objective.title}
            people={context.people}
            onClose={close}
            onSaved={() => saved(t(open.keyResult ? 'editor.keyResultSaved' : 'editor.keyResultAdded'))}
          />
        );
      case 'moveKeyResult':
        return (
          <MoveKeyResultDialog
            kr={open.keyResult}
            objectives={context.objectives}
            onClose={close}
            onSaved={saved}
          />
        );
      case 'cycle':
        return (
          <ObjectiveCycleDialog
            objective={open.objective}
            cycles={context.cycles}
            mode={open.mode}
            onClose={close}
            onSaved={saved}
          />
        );
      case 'deleteObjective': {
        const count = open.objective.keyResults.length;
        return (
          <ConfirmDialog
            title={t('editor.deleteTitle', { title: open.objective.title })}
            confirmLabel={t('editor.deleteObjective')}
            onClose={close}
            onConfirm={async () => {
              await deleteObjective(open.objective.id, open.objective.version);
              saved(t('editor.objectiveDeleted'));
            }}
          >
            {t('editor.deleteObjectiveText', { count })}
          </ConfirmDialog>
        );
      }
      case 'deleteKeyResult':
        return (
          <ConfirmDialog
            title={t('editor.deleteTitle', { title: open.keyResult.title })}
            confirmLabel={t('editor.deleteKeyResult')}
            onClose={close}
            onConfirm={async () => {
              await deleteKeyResult(open.keyResult.id, open.keyResult.version);
              saved(t('editor.keyResultDeleted'));
            }}
          >
            {t('editor.deleteKeyResultText')}
          </ConfirmDialog>
        );
    }
  })();
  return { actions, dialog };
}
