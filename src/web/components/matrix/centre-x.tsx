/**
 * The centre of the X-matrix: two diagonals (SVG) splitting the cell into four triangles that name
 * the parts around them (organisation.partNames), and the optional True North statement in the
 * middle, edited in place (click, then Enter or leave the field to save, Escape to cancel). In a
 * read-only matrix the statement is plain text, and left out when there is none.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../contracts';
import { PencilIcon } from '../icons';
import { useMatrixReadOnly } from './matrix-read-only';

interface CentreXProps {
  partNames: Organisation['partNames'];
  trueNorth: string;
  row: number;
  column: number;
  onSaveTrueNorth: (text: string) => void;
}

export function CentreX({ partNames, trueNorth, row, column, onSaveTrueNorth }: CentreXProps) {
  const { t } = useTranslation('matrix');
  const [editing, setEditing] = useState(false);
  const readOnly = useMatrixReadOnly();
  return (
    <div className="mx-centre" style={{ gridRow: row, gridColumn: column }} data-testid="matrix-centre">
      <svg className="mx-centre-x" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
        <polygon points="0,0 100,0 50,50" className="tri tri-north" />
        <polygon points="100,0 100,100 50,50" className="tri tri-east" />
        <polygon points="0,100 100,100 50,50" className="tri tri-south" />
        <polygon points="0,0 0,100 50,50" className="tri tri-west" />
        <line x1="0" y1="0" x2="100" y2="100" vectorEffect="non-scaling-stroke" />
        <line x1="100" y1="0" x2="0" y2="100" vectorEffect="non-scaling-stroke" />
      </svg>
      <span className="mx-tri-label mx-tri-north">
        <small>{t('centre.how')}</small>
        {partNames.how}
      </span>
      <span className="mx-tri-label mx-tri-south">
        <small>{t('centre.what')}</small>
        {partNames.what}
      </span>
      <span className="mx-tri-label mx-tri-west">
        <small>{t('centre.howFar')}</small>
        {partNames.how_far}
      </span>
      <span className="mx-tri-label mx-tri-east">
        <small>{t('centre.howMuch')}</small>
        {partNames.how_much}
      </span>
      <div className="mx-true-north">
        {readOnly ? (
          trueNorth && (
            <p className="mx-true-north-text is-readonly" data-testid="true-north">
              <span className="mx-true-north-kicker">{t('centre.trueNorth')}</span>
              <span>{trueNorth}</span>
            </p>
          )
        ) : editing ? (
          <textarea
            className="mx-true-north-input"
            defaultValue={trueNorth}
            aria-label={t('centre.trueNorth')}
            maxLength={500}
            autoFocus
            rows={3}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.blur();
              } else if (event.key === 'Escape') {
                event.currentTarget.value = trueNorth;
                event.currentTarget.blur();
              }
            }}
            onBlur={(event) => {
              setEditing(false);
              onSaveTrueNorth(event.currentTarget.value.trim());
            }}
          />
        ) : (
          <button
            type="button"
            className={trueNorth ? 'mx-true-north-text' : 'mx-true-north-text is-empty'}
            onClick={() => setEditing(true)}
            data-testid="true-north"
            title={t('centre.edit')}
          >
            <span className="mx-true-north-kicker">{t('centre.trueNorth')}</span>
            <span>{trueNorth || t('centre.empty')}</span>
            <PencilIcon size={11} className="mx-true-north-edit" />
          </button>
        )}
      </div>
    </div>
  );
}
