/**
 * A key result's check-ins, newest first, corrected ones kept and marked; those who may check in
 * correct an earlier one here (the correction is a new check-in naming the one it replaces).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn, KeyResult, Person } from '../../../contracts';
import { listKeyResultCheckIns } from '../../api-okrs';
import { Badge } from '../badge';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { CheckInForm, type CheckInCycle } from '../execution/check-in-form';
import { QueryView } from '../form/query-view';
import { withUnit } from './okr-format';

interface CheckInHistoryProps {
  kr: KeyResult;
  cycle: CheckInCycle | undefined;
  peopleById: Map<string, Person>;
  /** Offers corrections when given; called after one was saved. */
  onCorrected?: (() => void) | undefined;
  onClose: () => void;
}

export function CheckInHistory({ kr, cycle, peopleById, onCorrected, onClose }: CheckInHistoryProps) {
  const { t } = useTranslation('okrs');
  const history = useQuery({
    queryKey: ['key-result-check-ins', kr.id],
    queryFn: () => listKeyResultCheckIns(kr.id),
  });
  const [correcting, setCorrecting] = useState<CheckIn | null>(null);
  return (
    <Dialog
      title={t('history.title', { title: kr.title })}
      description={t('history.description')}
      onClose={onClose}
      className="dialog-wide"
      footer={
        <Button variant="ghost" onClick={onClose}>
          {t('history.close')}
        </Button>
      }
    >
      <QueryView
        query={history}
        errorTitle={t('history.error')}
        canRetry
        loadingLabel={t('history.loading')}
        isEmpty={(list) => list.length === 0}
        empty={<p className="muted">{t('history.empty')}</p>}
      >
        {(list) => (
          <ol className="check-in-history" aria-label={t('history.list')}>
            {list.map((checkIn) => {
              const corrected = checkIn.correctedById !== null;
              const author = checkIn.authorId ? peopleById.get(checkIn.authorId)?.name : undefined;
              return (
                <li key={checkIn.id} className={corrected ? 'check-in-corrected' : undefined}>
                  <div className="check-in-line">
                    <span className="tabular check-in-date">{checkIn.date}</span>
                    <strong className="tabular">{withUnit(checkIn.value, kr.unitOfMeasure)}</strong>
                    {checkIn.confidence !== null && (
                      <span className="muted">
                        {t('history.confidence', { percent: Math.round(checkIn.confidence * 100) })}
                      </span>
                    )}
                    {checkIn.comment && (
                      <span className="check-in-comment-text">
                        {t('history.comment', { comment: checkIn.comment })}
                      </span>
                    )}
                    {author && <span className="muted">{author}</span>}
                    {checkIn.correctsId && <Badge tone="blue">{t('history.correction')}</Badge>}
                    {corrected && <Badge tone="neutral">{t('history.corrected')}</Badge>}
                    <span className="okr-toolbar-spacer" />
                    {onCorrected && !corrected && correcting?.id !== checkIn.id && (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t('history.correctLabel', { date: checkIn.date })}
                        onClick={() => setCorrecting(checkIn)}
                      >
                        {t('history.correct')}
                      </Button>
                    )}
                  </div>
                  {onCorrected && correcting?.id === checkIn.id && (
                    <CheckInForm
                      subject={{ keyResultId: kr.id }}
                      title={kr.title}
                      cycle={cycle}
                      correcting={checkIn}
                      onCancel={() => setCorrecting(null)}
                      onDone={() => {
                        setCorrecting(null);
                        void history.refetch();
                        onCorrected();
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </QueryView>
    </Dialog>
  );
}
