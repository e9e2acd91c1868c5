/** The selects of organisation setup: a person (a unit's owner) and a unit (none first). */
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '../../../contracts';
import { flattenTree, isBelow, type UnitNode } from '../../hooks/unit-tree';
import { Field } from '../form/field';

interface PickerProps {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  name?: string;
}

/** People by name; "" is nobody. */
export function PersonPicker({ people, ...props }: PickerProps & { people: Person[] }) {
  const { t } = useTranslation('setup');
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Field label={props.label} error={props.error}>
      <select
        className="input"
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('pickers.noOwner')}</option>
        {sorted.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Units in tree order, indented; "" is the top level. `moving` (a unit being moved) leaves out the
 * unit itself and everything below it, the moves the server would refuse as a loop.
 */
export function ParentPicker({
  tree,
  units,
  moving,
  noneLabel,
  ...props
}: PickerProps & { tree: UnitNode[]; units: Unit[]; moving?: Unit; noneLabel?: string }) {
  const { t } = useTranslation('setup');
  const nodes = flattenTree(tree).filter(
    (node) => !moving || (node.unit.id !== moving.id && !isBelow(node.unit, moving.id, units)),
  );
  return (
    <Field label={props.label} error={props.error}>
      <select
        className="input"
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{noneLabel ?? t('pickers.topLevel')}</option>
        {nodes.map((node) => (
          <option key={node.unit.id} value={node.unit.id}>
            {`${'\u2002'.repeat(node.depth + 1)}${node.unit.name}`}
          </option>
        ))}
      </select>
    </Field>
  );
}
