/**
 * The "+" at the end of a part's list. Pressing it opens a title field; Enter creates the item and
 * keeps the field open for the next one, Escape closes it. Test hook: `data-testid="add-<part>"`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixPart } from '../../api-client';
import { PlusIcon } from '../icons';
import { InlineTitleInput } from './inline-title-input';

interface AddItemSlotProps {
  part: MatrixPart;
  partName: string;
  orientation: 'row' | 'column';
  row: number | string;
  column: number | string;
  onCreate: (title: string) => Promise<boolean>;
}

export function AddItemSlot({ part, partName, orientation, row, column, onCreate }: AddItemSlotProps) {
  const { t } = useTranslation('matrix');
  const [open, setOpen] = useState(false);
  return (
    <div className={`mx-add mx-add-${orientation} part-${part}`} style={{ gridRow: row, gridColumn: column }}>
      {open ? (
        <InlineTitleInput
          initial=""
          label={t('addItem.label', { part: partName })}
          placeholder={t('addItem.placeholder', { part: partName })}
          variant={orientation === 'row' ? 'inline' : 'popover'}
          keepOpen
          onSave={(title) => void onCreate(title)}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="mx-add-btn"
          data-testid={`add-${part}`}
          aria-label={t('addItem.add', { part: partName })}
          title={t('addItem.add', { part: partName })}
          onClick={() => setOpen(true)}
        >
          <PlusIcon size={14} />
          {orientation === 'row' && <span>{t('addItem.button')}</span>}
        </button>
      )}
    </div>
  );
}
