/**
 * The "+" at the end of a part's list. Pressing it opens a title field; Enter creates the item and
 * keeps the field open for the next one, Escape closes it. Test hook: `data-testid="add-<part>"`.
 */
import { useState } from 'react';
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
  const [open, setOpen] = useState(false);
  return (
    <div className={`mx-add mx-add-${orientation} part-${part}`} style={{ gridRow: row, gridColumn: column }}>
      {open ? (
        <InlineTitleInput
          initial=""
          label={`New ${partName} item`}
          placeholder={`New item in ${partName}… (Enter to add, Esc to close)`}
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
          aria-label={`Add to ${partName}`}
          title={`Add to ${partName}`}
          onClick={() => setOpen(true)}
        >
          <PlusIcon size={14} />
          {orientation === 'row' && <span>Add</span>}
        </button>
      )}
    </div>
  );
}
