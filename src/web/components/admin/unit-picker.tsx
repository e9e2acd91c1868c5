/**
 * A select of an organisation's units in tree order (indented by depth), optionally headed by
 * "Whole organisation" (value ""), offering only the units `allowed` accepts.
 */
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../hooks/unit-tree';
import { flattenTree } from '../../hooks/unit-tree';

export const WHOLE_ORGANISATION = '';

interface UnitPickerProps {
  label: string;
  tree: UnitNode[];
  value: string;
  onChange: (unitId: string) => void;
  /** Offer "Whole organisation" (value {@link WHOLE_ORGANISATION}) first. */
  wholeOrganisation?: { allowed: boolean } | undefined;
  allowed?: (unitId: string) => boolean;
  name?: string;
}

export function UnitPicker({
  label,
  tree,
  value,
  onChange,
  wholeOrganisation,
  allowed,
  name,
}: UnitPickerProps) {
  const { t } = useTranslation('admin');
  const nodes = flattenTree(tree);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="input" name={name} value={value} onChange={(event) => onChange(event.target.value)}>
        {wholeOrganisation && (
          <option value={WHOLE_ORGANISATION} disabled={!wholeOrganisation.allowed}>
            {t('shared.wholeOrganisation')}
          </option>
        )}
        {nodes.map((node) => (
          <option key={node.unit.id} value={node.unit.id} disabled={allowed ? !allowed(node.unit.id) : false}>
            {`${'\u2002'.repeat(node.depth + (wholeOrganisation ? 1 : 0))}${node.unit.name}`}
          </option>
        ))}
      </select>
    </label>
  );
}
