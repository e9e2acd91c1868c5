/** A select of the four roles, strongest last, each with what it allows in its title. */
import { useTranslation } from 'react-i18next';
import type { RoleName } from '../../../contracts';
import { ROLE_NAMES } from '../../session/permissions';

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
  const { t } = useTranslation('admin');
  const help = (role: RoleName) => t(`roles.help.${role}`);
  const name = (role: RoleName) => t(`roles.names.${role}`);
  const select = (
    <select
      className="input"
      value={value}
      disabled={disabled}
      aria-label={visibleLabel ? undefined : label}
      title={help(value)}
      onChange={(event) => onChange(event.target.value as RoleName)}
    >
      {ROLE_NAMES.map((role) => (
        <option key={role} value={role} title={help(role)}>
          {withHelp ? t('roles.withHelp', { role: name(role), help: help(role) }) : name(role)}
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
