/**
 * Settings → People: who delivers, with skills and monthly capacity (person-days a month, which the
 * capacity check weighs against the initiatives' efforts). Editors add, edit and delete people one
 * at a time or paste many rows from a spreadsheet.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Person } from '../../../contracts';
import { deletePerson } from '../../api-structure';
import { keys } from '../../api/query-keys';
import { Badge } from '../../components/badge';
import { Button, IconButton } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { PencilIcon, PlusIcon, TrashIcon, UsersIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { PeoplePaste } from './people-paste';
import { PersonDialog } from './person-dialog';

export function PeopleSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
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
            People <span className="count">{org.people.length}</span>
          </h2>
          {org.people.length > 0 && (
            <span className="muted">{`${String(Math.round(total * 10) / 10)} person-days a month in all`}</span>
          )}
          {!readOnly && (
            <Button icon={<PlusIcon />} onClick={() => setEditing('new')}>
              Add person
            </Button>
          )}
        </div>
        {org.people.length === 0 ? (
          <EmptyState icon={<UsersIcon size={22} />} title="No people yet">
            People own units and initiatives; their skills and monthly capacity let the pressure test check
            whether the plan can be delivered. Add them one by one or paste rows from a spreadsheet below.
          </EmptyState>
        ) : (
          <table className="admin-table" aria-label="People">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Unit</th>
                <th scope="col">Skills</th>
                <th scope="col" className="numeric">
                  Capacity
                </th>
                {!readOnly && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                  <td className="numeric">{`${String(person.monthlyCapacity)} d/mo`}</td>
                  {!readOnly && (
                    <td className="row-actions">
                      <IconButton label={`Edit ${person.name}`} onClick={() => setEditing(person)}>
                        <PencilIcon />
                      </IconButton>
                      <IconButton label={`Delete ${person.name}`} onClick={() => setDeleting(person)}>
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
              message: `Added ${String(count)} ${count === 1 ? 'person' : 'people'}`,
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
            toast.show({ tone: 'success', message: `Saved ${person.name}` });
            void reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete person"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deletePerson(deleting.id, deleting.version);
            toast.show({ tone: 'success', message: `Deleted ${deleting.name}` });
            await reload();
          }}
        >
          Units and initiatives {deleting.name} owns lose their owner; their catchball and check-in history
          keep the entries without a name.
        </ConfirmDialog>
      )}
    </>
  );
}
