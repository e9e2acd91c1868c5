/**
 * Loads what every page of one organisation needs (the organisation, its unit tree, matrices, people
 * and cycles) once, and shares it through context. Pages read it with {@link useOrg}.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Cycle, Organisation, Person, Unit, XMatrix } from '../../contracts';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { buildUnitTree, type UnitNode } from './unit-tree';

export interface OrgData {
  organisation: Organisation;
  units: Unit[];
  /** Roots of the unit tree, children ordered by position. */
  tree: UnitNode[];
  unitsById: Map<string, Unit>;
  matrices: XMatrix[];
  people: Person[];
  peopleById: Map<string, Person>;
  cycles: Cycle[];
  /** Reload the matrix list (e.g. after the True North changed). */
  refetchMatrices: () => Promise<void>;
}

interface OrgState {
  data: OrgData | undefined;
  loading: boolean;
  error: Error | undefined;
}

const OrgContext = createContext<OrgState | null>(null);

/** Fetches the organisation's shared data; children render once it is known (or show its error). */
export function OrgProvider({ orgId, children }: { orgId: string; children: ReactNode }) {
  const client = useQueryClient();
  const org = useQuery(queries.organisation(orgId));
  const units = useQuery(queries.units(orgId));
  const matrices = useQuery(queries.matrices(orgId));
  const people = useQuery(queries.people(orgId));
  const cycles = useQuery(queries.cycles(orgId));

  const state = useMemo<OrgState>(() => {
    const error = org.error ?? units.error ?? matrices.error ?? people.error ?? cycles.error ?? undefined;
    if (!org.data || !units.data || !matrices.data || !people.data || !cycles.data) {
      return { data: undefined, loading: !error, error };
    }
    const data: OrgData = {
      organisation: org.data,
      units: units.data,
      tree: buildUnitTree(units.data),
      unitsById: new Map(units.data.map((unit) => [unit.id, unit])),
      matrices: matrices.data,
      people: people.data,
      peopleById: new Map(people.data.map((person) => [person.id, person])),
      cycles: cycles.data,
      refetchMatrices: () => client.invalidateQueries({ queryKey: keys.matrices(orgId) }),
    };
    return { data, loading: false, error };
  }, [
    org.data,
    org.error,
    units.data,
    units.error,
    matrices.data,
    matrices.error,
    client,
    orgId,
    people.data,
    people.error,
    cycles.data,
    cycles.error,
  ]);

  return <OrgContext.Provider value={state}>{children}</OrgContext.Provider>;
}

/** The state of the current organisation's shared data. Must be used inside {@link OrgProvider}. */
export function useOrg(): OrgState {
  const state = useContext(OrgContext);
  if (!state) throw new Error('useOrg must be used inside <OrgProvider>');
  return state;
}
