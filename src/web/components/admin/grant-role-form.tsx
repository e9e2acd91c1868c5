/**
 * Gives someone a role, by e-mail, on a unit (and below) or the whole organisation. A new address
 * becomes an invited user: the answer's invitation link is handed to `onGranted` to show.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('admin');
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
    <form className="admin-card grant-form" aria-label={t('grant.title')} onSubmit={save.onSubmit}>
      <h2>{t('grant.title')}</h2>
      <p className="muted">{t('grant.intro')}</p>
      <FormAlert error={save.error} fields={['email', 'name']} />
      <div className="grant-form-fields">
        {/* eslint-disable-next-line catchball/no-untranslated-text -- an example address */}
        <EmailField placeholder="name@example.com" {...form.bind('email', save.fieldErrors)} />
        <TextField label={t('grant.name')} name="name" {...form.bind('name', save.fieldErrors)} />
        <RolePicker label={t('grant.role')} value={role} onChange={setRole} withHelp />
        <UnitPicker
          label={t('grant.where')}
          name="unit"
          tree={tree}
          value={unitId}
          onChange={setUnitId}
          wholeOrganisation={{ allowed: mayGrantOn(null) }}
          allowed={(id) => mayGrantOn(id)}
        />
      </div>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel={t('grant.granting')} icon={<PlusIcon />}>
          {t('grant.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

function flatIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((node) => [node.unit.id, ...flatIds(node.children)]);
}
