/**
 * The "+" after the Who columns: a menu of people and teams not yet in the Who block. Choosing one
 * creates a Who item titled with their name. Test hook: `data-testid="add-who"`.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Unit } from '../../../contracts';
import { Avatar } from '../avatar';
import { PlusIcon } from '../icons';

interface AddWhoSlotProps {
  partName: string;
  row: number | string;
  column: number | string;
  people: Person[];
  teams: Unit[];
  onCreate: (input: { title: string; personId?: string; teamUnitId?: string }) => Promise<boolean>;
}

export function AddWhoSlot({ partName, row, column, people, teams, onCreate }: AddWhoSlotProps) {
  const { t } = useTranslation('matrix');
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const match = (name: string) => name.toLowerCase().includes(filter.trim().toLowerCase());
  const shownPeople = people.filter((p) => match(p.name));
  const shownTeams = teams.filter((team) => match(team.name));
  const choose = (input: { title: string; personId?: string; teamUnitId?: string }) => {
    setOpen(false);
    setFilter('');
    void onCreate(input);
  };

  return (
    <div className="mx-add mx-add-column part-who" style={{ gridRow: row, gridColumn: column }} ref={ref}>
      <button
        type="button"
        className="mx-add-btn"
        data-testid="add-who"
        aria-label={t('addWho.add', { part: partName })}
        title={t('addWho.title', { part: partName })}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <PlusIcon size={14} />
      </button>
      {open && (
        <div
          className="mx-menu"
          role="dialog"
          aria-label={t('addWho.add', { part: partName })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <input
            className="mx-menu-filter"
            placeholder={t('addWho.findPlaceholder')}
            aria-label={t('addWho.find')}
            value={filter}
            autoFocus
            onChange={(event) => setFilter(event.target.value)}
          />
          <div className="mx-menu-list">
            {shownPeople.length > 0 && <div className="mx-menu-heading">{t('addWho.people')}</div>}
            {shownPeople.map((person) => (
              <button
                key={person.id}
                type="button"
                className="mx-menu-item"
                onClick={() => choose({ title: person.name, personId: person.id })}
              >
                <Avatar name={person.name} size="sm" />
                {person.name}
              </button>
            ))}
            {shownTeams.length > 0 && <div className="mx-menu-heading">{t('addWho.teams')}</div>}
            {shownTeams.map((team) => (
              <button
                key={team.id}
                type="button"
                className="mx-menu-item"
                onClick={() => choose({ title: team.name, teamUnitId: team.id })}
              >
                <span className="avatar avatar-sm avatar-team" aria-hidden="true">
                  {team.name.slice(0, 1).toUpperCase()}
                </span>
                {team.name}
              </button>
            ))}
            {shownPeople.length + shownTeams.length === 0 && (
              <div className="mx-menu-empty">{t('addWho.empty')}</div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
