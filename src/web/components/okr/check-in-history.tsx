/**
 * A key result's check-ins, newest first, corrected ones kept and marked; those who may check in
 * correct an earlier one here (the correction is a new check-in naming the one it replaces).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
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
  const history = useQuery({
    queryKey: ['key-result-check-ins', kr.id],
    queryFn: () => listKeyResultCheckIns(kr.id),
  });
  const [correcting, setCorrecting] = useState<CheckIn | null>(null);
  return (
    <Dialog
      title={`Check-ins of ${kr.title}`}
      description="Newest first. A correction replaces a check-in; the original stays here, struck through."
      onClose={onClose}
      className="dialog-wide"
      footer={
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      <QueryView
        query={history}
        errorTitle="Could not load the check-ins"
        canRetry
        loadingLabel="Loading check-ins"
        isEmpty={(list) => list.length === 0}
        empty={<p className="muted">No check-ins yet.</p>}
      >
        {(list) => (
          <ol className="check-in-history" aria-label="Check-ins">
            {list.map((checkIn) => {
              const corrected = checkIn.correctedById !== null;
              const author = checkIn.authorId ? peopleById.get(checkIn.authorId)?.name : undefined;
              return (
                <li key={checkIn.id} className={corrected ? 'check-in-corrected' : undefined}>
                  <div className="check-in-line">
                    <span className="tabular check-in-date">{checkIn.date}</span>
                    <strong className="tabular">{withUnit(checkIn.value, kr.unitOfMeasure)}</strong>
                    {checkIn.confidence !== null && (
                      <span className="muted">confidence {Math.round(checkIn.confidence * 100)}%</span>
                    )}
                    {checkIn.comment && <span className="check-in-comment-text">“{checkIn.comment}”</span>}
                    {author && <span className="muted">{author}</span>}
                    {checkIn.correctsId && <Badge tone="blue">correction</Badge>}
                    {corrected && <Badge tone="neutral">corrected</Badge>}
                    <span className="okr-toolbar-spacer" />
                    {onCorrected && !corrected && correcting?.id !== checkIn.id && (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Correct the check-in of ${checkIn.date}`}
                        onClick={() => setCorrecting(checkIn)}
                      >
                        Correct
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
