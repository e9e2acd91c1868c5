/**
 * Items whose source (a parent objective, key result or initiative) changed since translation:
 * before → after, and the two ways out — accept (take the new text and target) or answer (keep
 * ours, saying why). Test hooks: `source-change-<itemId>`, buttons "Accept" and "Answer".
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { MatrixItem, SourceState, SourceStatus, XMatrixView } from '../../../contracts';
import { acceptSource, answerSource } from '../../api-translate';
import { Button } from '../button';
import { useUnitAccess } from '../../session/use-unit-access';
import { useToast } from '../toast';
import { i18n } from '../../i18n/i18n';
import { formatNumber } from '../okr/okr-format';

function describe(state: SourceState): string {
  if (state.target === null) return state.title;
  const range =
    state.targetHigh === null
      ? formatNumber(state.target)
      : `${formatNumber(state.target)}-${formatNumber(state.targetHigh)}`;
  const target = state.unitOfMeasure ? `${range} ${state.unitOfMeasure}` : range;
  return i18n.t('common:links.source.withTarget', { title: state.title, target });
}

export function SourceChanges({ view, onChanged }: { view: XMatrixView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const changed = view.sourceStatus.filter((status) => status.sourceChanged);
  const items = new Map<string, MatrixItem>(
    Object.values(view.items)
      .flat()
      .map((item) => [item.id, item]),
  );
  const answered = view.sourceStatus.filter((status) => !status.sourceChanged && status.answer);
  // Accepting or answering edits the item: offered to the unit's editors only (the server decides anyway).
  const { canEdit } = useUnitAccess(view.unit.id);
  if (changed.length === 0 && answered.length === 0)
    return <p className="links-empty">{t('links.source.allAgree')}</p>;
  return (
    <ul className="links-list">
      {changed.map((status) => {
        const item = items.get(status.itemId);
        return item ? (
          <SourceChange
            key={status.itemId}
            item={item}
            status={status}
            canEdit={canEdit}
            onChanged={onChanged}
          />
        ) : null;
      })}
      {answered.map((status) => (
        <li key={status.itemId} className="links-row">
          <span className="links-title">{items.get(status.itemId)?.title}</span>
          <span className="links-meta">{t('links.source.kept', { answer: status.answer ?? '' })}</span>
        </li>
      ))}
    </ul>
  );
}

function SourceChange({
  item,
  status,
  canEdit,
  onChanged,
}: {
  item: MatrixItem;
  status: SourceStatus;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [answering, setAnswering] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      toast.show({ tone: 'success', message: done });
      await onChanged();
    } catch (error) {
      toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="links-row links-row-changed" data-testid={`source-change-${item.id}`}>
      <span className="links-title">{item.title}</span>
      <span className="links-meta">
        <Trans
          t={t}
          i18nKey="links.source.was"
          values={{ before: status.before ? describe(status.before) : '—', after: describe(status.after) }}
          components={{ del: <del />, ins: <ins /> }}
        />
      </span>
      {canEdit && (
        <span className="links-actions">
          <Button
            size="sm"
            variant="primary"
            disabled={busy}
            onClick={() => void run(() => acceptSource(item.id, item.version), t('links.source.accepted'))}
          >
            {t('links.source.accept')}
          </Button>
          <Button size="sm" disabled={busy} onClick={() => setAnswering((open) => !open)}>
            {t('links.source.answer')}
          </Button>
        </span>
      )}
      {answering && (
        <form
          className="links-answer"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => answerSource(item.id, item.version, comment), t('links.source.answered'));
          }}
        >
          <input
            aria-label={t('links.source.whyLabel')}
            placeholder={t('links.source.whyPlaceholder')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <Button size="sm" type="submit" disabled={busy || comment.trim() === ''}>
            {t('links.source.send')}
          </Button>
        </form>
      )}
    </li>
  );
}
