/**
 * Drill-down between levels: this matrix's items cascaded from a parent's initiative (link up),
 * its initiatives cascaded into units below (links down), and a form to cascade one more.
 * Test hooks: `cascade-link-<childItemId>`, the "Cascade" form's selects and button.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useUnitAccess } from '../../session/use-unit-access';
import { Link } from 'wouter';
import type { XMatrixView } from '../../../contracts';
import { cascadeItem } from '../../api-translate';
import { useOrg } from '../../hooks/org-context';
import { isBelow } from '../../hooks/unit-tree';
import { Button } from '../button';
import { useToast } from '../toast';
import { paths } from '../../paths';

export function CascadeList({ view, onChanged }: { view: XMatrixView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const orgId = view.organisation.id;
  const up = view.cascades.filter((link) => link.child.matrixId === view.matrix.id);
  const down = view.cascades.filter((link) => link.parent.matrixId === view.matrix.id);
  // Cascading writes into a unit below: offered to the unit's editors (editors of the units below by inheritance).
  const { canEdit } = useUnitAccess(view.unit.id);
  return (
    <div className="links-cascade">
      {up.length === 0 && down.length === 0 && <p className="links-empty">{t('links.cascade.none')}</p>}
      <ul className="links-list">
        {up.map((link) => (
          <li key={link.child.itemId} className="links-row">
            <span className="links-title">{link.child.title}</span>
            <span className="links-meta">
              <Trans
                t={t}
                i18nKey="links.cascade.from"
                values={{ unit: link.parent.unitName, title: link.parent.title }}
                components={{
                  a: <Link href={paths.matrix(orgId, link.parent.unitId, link.parent.year)} />,
                }}
              />
            </span>
          </li>
        ))}
        {down.map((link) => (
          <li key={link.child.itemId} className="links-row" data-testid={`cascade-link-${link.child.itemId}`}>
            <span className="links-title">{link.parent.title}</span>
            <span className="links-meta">
              <Trans
                t={t}
                i18nKey="links.cascade.to"
                values={{ unit: link.child.unitName, part: link.child.part, title: link.child.title }}
                components={{ a: <Link href={paths.matrix(orgId, link.child.unitId, link.child.year)} /> }}
              />
            </span>
          </li>
        ))}
      </ul>
      {canEdit && <CascadeForm view={view} onChanged={onChanged} />}
    </div>
  );
}

function CascadeForm({ view, onChanged }: { view: XMatrixView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const org = useOrg();
  const toast = useToast();
  const units = org.data?.units ?? [];
  const below = units.filter((unit) => isBelow(unit, view.unit.id, units));
  const [itemId, setItemId] = useState('');
  const [toUnitId, setToUnitId] = useState('');
  const [as, setAs] = useState<'what' | 'how_far'>('how_far');
  if (view.items.how.length === 0 || below.length === 0) return null;
  const submit = async () => {
    try {
      await cascadeItem(itemId, { toUnitId, year: view.matrix.year, as });
      toast.show({ tone: 'success', message: t('links.cascade.done') });
      await Promise.all([onChanged(), org.data?.refetchMatrices()]);
    } catch (error) {
      toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form
      className="links-form"
      aria-label={t('links.cascade.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <span>{t('links.cascade.cascade')}</span>
      <select
        aria-label={t('links.cascade.initiativeLabel')}
        value={itemId}
        onChange={(event) => setItemId(event.target.value)}
      >
        <option value="">{t('links.cascade.initiativePlaceholder')}</option>
        {view.items.how.map((item) => (
          <option key={item.id} value={item.id}>
            {item.title}
          </option>
        ))}
      </select>
      <span>{t('links.cascade.toWord')}</span>
      <select
        aria-label={t('links.cascade.unitLabel')}
        value={toUnitId}
        onChange={(event) => setToUnitId(event.target.value)}
      >
        <option value="">{t('links.cascade.unitPlaceholder')}</option>
        {below.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </select>
      <span>{t('links.cascade.asWord')}</span>
      <select
        aria-label={t('links.cascade.becomes')}
        value={as}
        onChange={(event) => setAs(event.target.value as 'what' | 'how_far')}
      >
        <option value="how_far">{t('links.cascade.annual')}</option>
        <option value="what">{t('links.cascade.breakthrough')}</option>
      </select>
      <Button size="sm" type="submit" disabled={!itemId || !toUnitId}>
        {t('links.cascade.cascade')}
      </Button>
    </form>
  );
}
