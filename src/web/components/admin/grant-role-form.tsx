/**
 * Gives someone a role, by e-mail, on a unit (and below) or the whole organisation. A new address
 * becomes an invited user: the answer's invitation link is handed to `onGranted` to show.
 */
import { useState } from 'react';
import type { GrantedRole, RoleName } from '../../../contracts';
import { grantRole } from '../../api-accounts';
import type { UnitNode } from '../../hooks/unit-tree';
import { EmailField, TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { useFields } from '../form/use-fields';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { PlusIcon } from '../icons';
import { RolePicker } from './role-picker';
import { UnitPicker, WHOLE_ORGANISATION } from './unit-picker';

interface GrantRoleFormProps {
  organisationId: string;
  tree: UnitNode[];
  /** May the user grant on this unit (null: organisation-wide)? */
  mayGrantOn: (unitId: string | null) => boolean;
  onGranted: (granted: GrantedRole) => void;
}

export function GrantRoleForm({ organisationId, tree, mayGrantOn, onGranted }: GrantRoleFormProps) {
  const firstAllowed = mayGrantOn(null)
    ? WHOLE_ORGANISATION
    : (flatIds(tree).find((id) => mayGrantOn(id)) ?? WHOLE_ORGANISATION);
  const form = useFields({ email: '', name: '' });
  const { email, name } = form.values;
  const [role, setRole] = useState<RoleName>('viewer');
  const [unitId, setUnitId] = useState(firstAllowed);
  const save = useSubmit(async () => {
    const granted = await grantRole({
      organisationId,
      unitId: unitId === WHOLE_ORGANISATION ? null : unitId,
      email: email.trim(),
      role,
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    form.reset();
    onGranted(granted);
  });

  return (
    <form className="admin-card grant-form" aria-label="Grant a role" onSubmit={save.onSubmit}>
      <h2>Grant a role</h2>
      <p className="muted">
        A role on a unit holds on every unit below it. Someone without an account gets an invitation link to
        pass on.
      </p>
      <FormAlert error={save.error} fields={['email', 'name']} />
      <div className="grant-form-fields">
        <EmailField placeholder="name@example.com" {...form.bind('email', save.fieldErrors)} />
        <TextField label="Name (for new accounts)" name="name" {...form.bind('name', save.fieldErrors)} />
        <RolePicker label="Role" value={role} onChange={setRole} withHelp />
        <UnitPicker
          label="Where"
          name="unit"
          tree={tree}
          value={unitId}
          onChange={setUnitId}
          wholeOrganisation={{ allowed: mayGrantOn(null) }}
          allowed={(id) => mayGrantOn(id)}
        />
      </div>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel="Granting…" icon={<PlusIcon />}>
          Grant role
        </SubmitButton>
      </div>
    </form>
  );
}

function flatIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((node) => [node.unit.id, ...flatIds(node.children)]);
}
