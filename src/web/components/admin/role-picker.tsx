/** A select of the four roles, strongest last, each with what it allows in its title. */
import type { RoleName } from '../../../contracts';
import { ROLE_HELP, ROLE_NAMES } from '../../session/permissions';

export const ROLE_LABELS: Record<RoleName, string> = {
  viewer: 'Viewer',
  contributor: 'Contributor',
  editor: 'Editor',
  admin: 'Admin',
};

export function RolePicker({
  value,
  onChange,
  label,
  visibleLabel = true,
  disabled,
  withHelp = false,
}: {
  value: RoleName;
  onChange: (role: RoleName) => void;
  label: string;
  visibleLabel?: boolean;
  disabled?: boolean;
  /** Say in each option what the role allows (pickers with room for it). */
  withHelp?: boolean;
}) {
  const select = (
    <select
      className="input"
      value={value}
      disabled={disabled}
      aria-label={visibleLabel ? undefined : label}
      title={ROLE_HELP[value]}
      onChange={(event) => onChange(event.target.value as RoleName)}
    >
      {ROLE_NAMES.map((role) => (
        <option key={role} value={role} title={ROLE_HELP[role]}>
          {withHelp ? `${ROLE_LABELS[role]}: ${ROLE_HELP[role]}` : ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
  if (!visibleLabel) return select;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {select}
    </label>
  );
}
