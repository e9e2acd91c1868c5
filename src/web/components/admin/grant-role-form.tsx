/**
 * Gives someone a role, by e-mail, on a unit (and below) or the whole organisation. A new address
 * becomes an invited user: the answer's invitation link is handed to `onGranted` to show.
 */
import { useState, type SyntheticEvent } from 'react';
import type { GrantedRole, RoleName } from '../../../contracts';
import { grantRole } from '../../api-accounts';
import type { UnitNode } from '../../hooks/unit-tree';
import { Button } from '../button';
import { TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
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
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
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
    setEmail('');
    setName('');
    onGranted(granted);
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    void save.run();
  }

  return (
    <form className="admin-card grant-form" aria-label="Grant a role" onSubmit={submit}>
      <h2>Grant a role</h2>
      <p className="muted">
        A role on a unit holds on every unit below it. Someone without an account gets an invitation link to
        pass on.
      </p>
      <FormAlert error={save.error} fields={['email', 'name']} />
      <div className="grant-form-fields">
        <TextField
          label="E-mail"
          type="email"
          name="email"
          required
          error={save.fieldErrors.email}
          value={email}
          placeholder="name@example.com"
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Name (for new accounts)"
          name="name"
          error={save.fieldErrors.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
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
        <Button variant="primary" type="submit" icon={<PlusIcon />} disabled={save.isPending}>
          {save.isPending ? 'Granting…' : 'Grant role'}
        </Button>
      </div>
    </form>
  );
}

function flatIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((node) => [node.unit.id, ...flatIds(node.children)]);
}
