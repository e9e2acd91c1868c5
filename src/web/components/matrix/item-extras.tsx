/** Small extras drawn with items: a KPI's baseline → target, an initiative's owner and status. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixItem } from '../../../contracts';
import { initials } from '../avatar';
import { withUnit } from '../okr/okr-format';
import type { MatrixIndex } from './matrix-model';

/** "45 → 60 %" (or "95–99 %" for a band), empty when no target is set. Memoised on the item. */
export const KpiMeta = memo(function KpiMeta({ item }: { item: MatrixItem }) {
  if (item.target === null) return null;
  const unit = item.unitOfMeasure;
  if (item.direction === 'band') {
    return <>{`${withUnit(item.target, '')}–${withUnit(item.targetHigh, unit)}`}</>;
  }
  return (
    <>
      {item.baseline === null
        ? `→ ${withUnit(item.target, unit)}`
        : `${withUnit(item.baseline, '')} → ${withUnit(item.target, unit)}`}
    </>
  );
});

interface InitiativeChipsProps {
  item: MatrixItem;
  index: MatrixIndex;
}

const ownerOf = ({ item, index }: InitiativeChipsProps) => {
  const ownerId = index.primaryOf.get(item.id);
  return ownerId ? index.itemsById.get(ownerId) : undefined;
};

/**
 * The primary owner's initials and the status of an initiative (How item). Memoised on the item and
 * its owner, so a new index (every edit) re-renders only the chips that changed.
 */
export const InitiativeChips = memo(
  InitiativeChipsView,
  (a, b) => a.item === b.item && ownerOf(a) === ownerOf(b),
);

function InitiativeChipsView(props: InitiativeChipsProps) {
  const { t } = useTranslation('matrix');
  const { item } = props;
  const owner = ownerOf(props);
  return (
    <>
      {item.status && (
        <span
          className={`mx-status status-${item.status}`}
          title={t('extras.statusTitle', { status: t(`extras.status.${item.status}`) })}
        >
          {t(`extras.status.${item.status}`)}
        </span>
      )}
      {owner ? (
        <span className="avatar avatar-xs" title={t('extras.owner', { name: owner.title })}>
          {initials(owner.title)}
        </span>
      ) : (
        <span className="avatar avatar-xs avatar-missing" title={t('extras.noOwner')}>
          ?
        </span>
      )}
    </>
  );
}
