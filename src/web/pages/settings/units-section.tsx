/**
 * Settings → Units: the unit tree with each unit's owner; admins add units, rename, move (change
 * the parent), set the owner and delete. A delete the server refuses (units below, objectives, an
 * X-matrix) shows its reason in the confirmation dialog.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../contracts';
import { createUnit, deleteUnit, updateUnit } from '../../api-structure';
import { keys } from '../../api/query-keys';
import { IconButton } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { TextField } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { FormDialog } from '../../components/form/form-dialog';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { BuildingIcon, PencilIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { ParentPicker, PersonPicker } from '../../components/setup/pickers';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { flattenTree } from '../../hooks/unit-tree';

export function UnitsSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const toast = useToast();
  const orgId = org.organisation.id;
  const [editing, setEditing] = useState<Unit | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: keys.units(orgId) });
  const rows = flattenTree(org.tree);
  const ownerName = (unit: Unit) => (unit.ownerId ? (org.peopleById.get(unit.ownerId)?.name ?? '—') : '—');

  return (
    <>
      {!readOnly && <AddUnitForm org={org} onAdded={reload} />}
      <section className="admin-card" aria-labelledby="units-title">
        <h2 id="units-title">
          {t('units.title')} <span className="count">{org.units.length}</span>
        </h2>
        {rows.length === 0 ? (
          <EmptyState icon={<BuildingIcon size={22} />} title={t('units.emptyTitle')}>
            {t('units.emptyBody')}
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label={t('units.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('shared.unit')}</th>
                <th scope="col">{t('shared.owner')}</th>
                <th scope="col">{t('units.below')}</th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('shared.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((node) => (
                <tr key={node.unit.id}>
                  <th scope="row">
                    <span className="unit-tree-name" style={{ paddingLeft: `${String(node.depth * 20)}px` }}>
                      {node.depth > 0 && (
                        <span className="unit-tree-elbow" aria-hidden="true">
                          └
                        </span>
                      )}
                      {node.unit.name}
                    </span>
                  </th>
                  <td>{ownerName(node.unit)}</td>
                  <td className="muted">
                    {node.children.length === 0
                      ? '—'
                      : t('units.belowCount', { count: node.children.length })}
                  </td>
                  {!readOnly && (
                    <td className="row-actions">
                      <IconButton
                        label={t('shared.edit', { name: node.unit.name })}
                        onClick={() => setEditing(node.unit)}
                      >
                        <PencilIcon />
                      </IconButton>
                      <IconButton
                        label={t('shared.delete', { name: node.unit.name })}
                        onClick={() => setDeleting(node.unit)}
                      >
                        <TrashIcon />
                      </IconButton>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editing && (
        <EditUnitDialog
          org={org}
          unit={editing}
          onClose={() => setEditing(null)}
          onSaved={(unit) => {
            toast.show({ tone: 'success', message: t('shared.saved', { name: unit.name }) });
            void reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('shared.deleteTitle', { name: deleting.name })}
          confirmLabel={t('units.deleteConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteUnit(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: t('shared.deleted', { name: deleting.name }) });
            await reload();
          }}
        >
          {t('units.deleteBody')}
        </ConfirmDialog>
      )}
    </>
  );
}

function AddUnitForm({ org, onAdded }: { org: OrgData; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState(() => flattenTree(org.tree)[0]?.unit.id ?? '');
  const [ownerId, setOwnerId] = useState('');
  const save = useSubmit(
    async () => {
      const unit = await createUnit({
        organisationId: org.organisation.id,
        name: name.trim(),
        parentId: parentId || null,
        ownerId: ownerId || null,
      });
      toast.show({ tone: 'success', message: t('shared.added', { name: unit.name }) });
      setName('');
      setOwnerId('');
      await onAdded();
    },
    { check: () => (name.trim() === '' ? t('units.nameRequired') : null) },
  );
  return (
    <form className="admin-card" onSubmit={save.onSubmit} noValidate aria-label={t('units.addTitle')}>
      <h2>{t('units.addTitle')}</h2>
      <FormAlert error={save.error} fields={['name', 'parentId', 'ownerId']} />
      <div className="setup-grid setup-grid-3">
        <TextField
          label={t('units.name')}
          name="unit-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={save.fieldErrors.name}
          placeholder={t('units.namePlaceholder')}
          maxLength={200}
        />
        <ParentPicker
          label={t('shared.parentUnit')}
          name="unit-parent"
          tree={org.tree}
          units={org.units}
          value={parentId}
          onChange={setParentId}
          error={save.fieldErrors.parentId}
        />
        <PersonPicker
          label={t('shared.owner')}
          name="unit-owner"
          people={org.people}
          value={ownerId}
          onChange={setOwnerId}
          error={save.fieldErrors.ownerId}
        />
      </div>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel={t('shared.adding')} icon={<PlusIcon />}>
          {t('units.add')}
        </SubmitButton>
      </div>
    </form>
  );
}

function EditUnitDialog({
  org,
  unit,
  onClose,
  onSaved,
}: {
  org: OrgData;
  unit: Unit;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t } = useTranslation('settings');
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState(unit.parentId ?? '');
  const [ownerId, setOwnerId] = useState(unit.ownerId ?? '');
  const save = useSubmit(
    async () => {
      const saved = await updateUnit(unit.id, {
        version: unit.version,
        name: name.trim(),
        parentId: parentId || null,
        ownerId: ownerId || null,
      });
      onSaved(saved);
      onClose();
    },
    { check: () => (name.trim() === '' ? t('units.nameRequired') : null) },
  );
  return (
    <FormDialog
      title={t('shared.edit', { name: unit.name })}
      description={t('units.editDescription')}
      submit={save}
      submitLabel={t('units.save')}
      fields={['name', 'parentId', 'ownerId']}
      onClose={onClose}
    >
      <TextField
        label={t('units.name')}
        name="edit-unit-name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={save.fieldErrors.name}
        maxLength={200}
      />
      <ParentPicker
        label={t('shared.parentUnit')}
        name="edit-unit-parent"
        tree={org.tree}
        units={org.units}
        moving={unit}
        value={parentId}
        onChange={setParentId}
        error={save.fieldErrors.parentId}
      />
      <PersonPicker
        label={t('shared.owner')}
        name="edit-unit-owner"
        people={org.people}
        value={ownerId}
        onChange={setOwnerId}
        error={save.fieldErrors.ownerId}
      />
    </FormDialog>
  );
}
