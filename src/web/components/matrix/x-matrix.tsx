/**
 * The X-matrix drawn in the classic paper layout as one CSS grid: How rows on top, What rows at the
 * bottom, How Far columns on the left, How Much columns on the right, Who columns on the far right,
 * the four corner grids between them and the X in the centre. Hovering or focusing an item lights
 * its rows/columns and everything marked against it and dims the rest. With `readOnly` the add slots
 * are left out and the items, grids and True North only read (see {@link MatrixReadOnlyContext}).
 * Test hooks: `data-testid="matrix"`, `data-readonly` when read-only.
 */
import { useCallback, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixItem, TraceSource } from '../../../contracts';
import type { MatrixPart } from '../../api-client';
import { useOrg } from '../../hooks/org-context';
import { shownPartNames } from '../../i18n/part-names';
import { AddItemSlot } from './add-item-slot';
import { AddWhoSlot } from './add-who-slot';
import { CentreX } from './centre-x';
import { InitiativeChips, KpiMeta } from './item-extras';
import { matrixLayout } from './matrix-layout';
import { MatrixReadOnlyContext } from './matrix-read-only';
import { highlightCss } from './matrix-grid';
import { gridMarks, MatrixGrids, placesOf } from './matrix-grids';
import { MatrixItemLabel } from './matrix-item';
import { highlightFor, indexMatrix, itemTone, type MatrixFocus } from './matrix-model';
import type { MatrixEditor } from './use-matrix-editor';

/**
 * `risk`: the pressure test's probability per How Far or How Much item, shown as a colour on the item.
 * `onHistory`: opens an item's history (the items offer it in their toolbar and on the H key).
 * `readOnly`: the user may not edit this matrix; no edit is offered (hover, focus and history still work).
 * `onOpen`: opens an initiative's or a KPI's details (click on its title or Enter).
 */
export function XMatrix({
  editor,
  risk,
  onHistory,
  readOnly = false,
  onOpen,
}: {
  editor: MatrixEditor;
  risk?: ReadonlyMap<string, number>;
  onHistory?: (item: MatrixItem) => void;
  readOnly?: boolean;
  onOpen?: (item: MatrixItem) => void;
}) {
  const { t } = useTranslation('matrix');
  const { view } = editor;
  const { data: org } = useOrg();
  const [focus, setFocus] = useState<MatrixFocus>(null);
  const [movedId, setMovedId] = useState<string | null>(null);
  const index = useMemo(() => indexMatrix(view), [view]);
  const highlight = useMemo(() => highlightFor(focus, index), [focus, index]);
  const { items } = view;
  const places = useMemo(() => placesOf(items), [items]);
  const marks = useMemo(() => gridMarks(items, index, places), [items, index, places]);
  const litCss = useMemo(() => highlightCss(highlight.lines, highlight.dims, places), [highlight, places]);
  const names = shownPartNames(view.organisation.partNames);
  const L = matrixLayout({
    what: items.what.length,
    how_far: items.how_far.length,
    how: items.how.length,
    how_much: items.how_much.length,
    who: items.who.length,
  });
  const sources = useMemo(
    () => new Map<string, TraceSource>(view.sources.map((s) => [s.id, s])),
    [view.sources],
  );

  const changed = useMemo(
    () => new Set(view.sourceStatus.filter((s) => s.sourceChanged).map((s) => s.itemId)),
    [view.sourceStatus],
  );

  const onHoverItem = useCallback((id: string | null) => setFocus(id ? { kind: 'item', id } : null), []);
  const onHoverCell = useCallback(
    (ids: [string, string] | null) => setFocus(ids ? { kind: 'cell', ids } : null),
    [],
  );
  const onMove = useCallback(
    (item: MatrixItem, delta: -1 | 1) => {
      setMovedId(item.id);
      editor.moveItem(item, delta);
    },
    [editor],
  );
  const create = (part: MatrixPart) => (title: string) => editor.createItem({ part, title });

  const label = (item: MatrixItem, i: number, orientation: 'row' | 'column', row: number, column: number) => {
    const traceId = item.sourceKeyResultId ?? item.sourceObjectiveId;
    return (
      <MatrixItemLabel
        key={item.id}
        item={item}
        index={i}
        count={items[item.part].length}
        orientation={orientation}
        row={row}
        column={column}
        tone={itemTone(highlight, item.id)}
        probability={risk?.get(item.id)}
        source={traceId ? sources.get(traceId) : undefined}
        sourceChanged={changed.has(item.id)}
        meta={item.part === 'how_much' ? <KpiMeta item={item} /> : undefined}
        chips={item.part === 'how' ? <InitiativeChips item={item} index={index} /> : undefined}
        renamable={item.part !== 'who'}
        autoFocus={movedId === item.id}
        onRename={editor.renameItem}
        onMove={onMove}
        onDelete={editor.deleteItem}
        onHistory={onHistory}
        onOpen={item.part === 'how' || item.part === 'how_much' ? onOpen : undefined}
        onHover={onHoverItem}
      />
    );
  };

  const usedPeople = new Set(items.who.map((w) => w.personId));
  const usedTeams = new Set(items.who.map((w) => w.teamUnitId));
  const people = (org?.people ?? view.people).filter((p) => !usedPeople.has(p.id));
  const teams = (org?.units ?? []).filter((u) => !usedTeams.has(u.id));

  const style = { gridTemplateRows: L.templateRows, gridTemplateColumns: L.templateColumns } as CSSProperties;
  return (
    <MatrixReadOnlyContext.Provider value={readOnly}>
      <div
        className={`mx${highlight.dims ? ' is-dimming' : ''}${readOnly ? ' is-readonly' : ''}`}
        data-testid="matrix"
        data-readonly={readOnly || undefined}
        style={style}
        role="region"
        aria-label={t('xMatrix.label', { unit: view.unit.name, year: view.matrix.year })}
      >
        {zone('nw', `1 / ${L.howAddRow}`, `1 / ${L.howFarAddCol}`, items.how.length * items.how_far.length)}
        {zone(
          'ne',
          `1 / ${L.howAddRow}`,
          `${L.howMuchCol(0)} / ${L.howMuchAddCol}`,
          items.how.length * items.how_much.length,
        )}
        {zone(
          'who',
          `1 / ${L.howAddRow}`,
          `${L.whoCol(0)} / ${L.whoAddCol}`,
          items.how.length * items.who.length,
        )}
        {zone(
          'sw',
          `${L.whatRow(0)} / ${L.whatAddRow}`,
          `1 / ${L.howFarAddCol}`,
          items.what.length * items.how_far.length,
        )}
        {zone(
          'se',
          `${L.whatRow(0)} / ${L.whatAddRow}`,
          `${L.howMuchCol(0)} / ${L.howMuchAddCol}`,
          items.what.length * items.how_much.length,
        )}

        {litCss && <style>{litCss}</style>}
        {MatrixGrids({
          items,
          layout: L,
          index,
          marks,
          onCycleCell: editor.cycleCell,
          onCycleOwner: editor.cycleOwner,
          onHoverCell,
        })}

        {items.how.map((item, i) => label(item, i, 'row', L.howRow(i), L.centreCol))}
        {items.what.map((item, k) => label(item, k, 'row', L.whatRow(k), L.centreCol))}
        {items.how_far.map((item, j) => label(item, j, 'column', L.bandRow, L.howFarCol(j)))}
        {items.how_much.map((item, m) => label(item, m, 'column', L.bandRow, L.howMuchCol(m)))}
        {items.who.map((item, w) => label(item, w, 'column', L.bandRow, L.whoCol(w)))}

        {!readOnly && (
          <>
            <AddItemSlot
              part="how"
              partName={names.how}
              orientation="row"
              row={L.howAddRow}
              column={L.centreCol}
              onCreate={create('how')}
            />
            <AddItemSlot
              part="what"
              partName={names.what}
              orientation="row"
              row={L.whatAddRow}
              column={L.centreCol}
              onCreate={create('what')}
            />
            <AddItemSlot
              part="how_far"
              partName={names.how_far}
              orientation="column"
              row={L.bandRow}
              column={L.howFarAddCol}
              onCreate={create('how_far')}
            />
            <AddItemSlot
              part="how_much"
              partName={names.how_much}
              orientation="column"
              row={L.bandRow}
              column={L.howMuchAddCol}
              onCreate={create('how_much')}
            />
            <AddWhoSlot
              partName={names.who}
              row={L.bandRow}
              column={L.whoAddCol}
              people={people}
              teams={teams}
              onCreate={(input) => editor.createItem({ part: 'who', ...input })}
            />
          </>
        )}

        <CentreX
          partNames={names}
          trueNorth={view.matrix.trueNorth}
          row={L.bandRow}
          column={L.centreCol}
          onSaveTrueNorth={editor.setTrueNorth}
        />
      </div>
    </MatrixReadOnlyContext.Provider>
  );
}

/** The tinted background and frame of one grid; nothing when the grid has no cells. */
function zone(name: string, gridRow: string, gridColumn: string, cells: number) {
  if (cells === 0) return null;
  return (
    <div
      key={`zone-${name}`}
      className={`mx-zone zone-${name}`}
      style={{ gridRow, gridColumn }}
      aria-hidden="true"
    />
  );
}
