/**
 * Settings → People: who delivers, with skills and monthly capacity (person-days a month, which the
 * capacity check weighs against the initiatives' efforts). Editors add, edit and delete people one
 * at a time or paste many rows from a spreadsheet.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts';
import { deletePerson } from '../../api-structure';
import { keys } from '../../api/query-keys';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { PencilIcon, PlusIcon, TrashIcon, UsersIcon } from '../../components/icons';
import { formatNumber } from '../../components/okr/okr-format';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { PeoplePaste } from './people-paste';
import { PersonDialog } from './person-dialog';

export function PeopleSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const toast = useToast();
  const orgId = org.organisation.id;
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: keys.people(orgId) });
  const total = org.people.reduce((sum, person) => sum + person.monthlyCapacity, 0);
  return (
    <>
      <section className="admin-card" aria-labelledby="people-title">
        <div className="settings-card-head">
          <h2 id="people-title">
            {t('people.title')} <span className="count">{org.people.length}</span>
          </h2>
          {org.people.length > 0 && (
            <span className="muted">
              {t('people.total', { total: formatNumber(Math.round(total * 10) / 10) })}
            </span>
          )}
          {!readOnly && (
            <Button icon={<PlusIcon />} onClick={() => setEditing('new')}>
              {t('people.add')}
            </Button>
          )}
        </div>
        {org.people.length === 0 ? (
          <EmptyState icon={<UsersIcon size={22} />} title={t('people.emptyTitle')}>
            {t('people.emptyBody')}
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label={t('people.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('shared.name')}</th>
                <th scope="col">{t('shared.email')}</th>
                <th scope="col">{t('shared.unit')}</th>
                <th scope="col">{t('shared.skills')}</th>
                <th scope="col" className="numeric">
                  {t('shared.capacity')}
                </th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">{t('shared.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {org.people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td className="muted">{person.email ?? '—'}</td>
                  <td>{person.unitId ? (org.unitsById.get(person.unitId)?.name ?? '—') : '—'}</td>
                  <td>
                    <span className="skill-list">
                      {person.skills.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        person.skills.map((skill) => <Badge key={skill}>{skill}</Badge>)
                      )}
                    </span>
                  </td>
                  <td className="numeric">
                    {t('people.capacityCell', { capacity: formatNumber(person.monthlyCapacity) })}
                  </td>
                  {!readOnly && (
                    <td className="row-actions">
                      <IconButton
                        label={t('shared.edit', { name: person.name })}
                        onClick={() => setEditing(person)}
                      >
                        <PencilIcon />
                      </IconButton>
                      <IconButton
                        label={t('shared.delete', { name: person.name })}
                        onClick={() => setDeleting(person)}
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
      {!readOnly && (
        <PeoplePaste
          orgId={orgId}
          onAdded={async (count) => {
            toast.show({
              tone: 'success',
              message: t('people.addedCount', { count }),
            });
            await reload();
          }}
        />
      )}
      {editing && (
        <PersonDialog
          org={org}
          person={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(person) => {
            toast.show({ tone: 'success', message: t('shared.saved', { name: person.name }) });
            void reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('shared.deleteTitle', { name: deleting.name })}
          confirmLabel={t('people.deleteConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deletePerson(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: t('shared.deleted', { name: deleting.name }) });
            await reload();
          }}
        >
          {t('people.deleteBody', { name: deleting.name })}
        </ConfirmDialog>
      )}
    </>
  );
}
