/**
 * The API of saved what-if scenarios: save, list, open, delete, compare with the plan, preview and
 * apply. Each function calls one declared endpoint through {@link callEndpoint}.
 */
import type { Scenario } from '../core/what-if';
import { scenarios } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

export const listScenarios = (matrixId: string) =>
  callEndpoint(scenarios.listScenarios, { params: { id: matrixId } });

export const getScenario = (id: string) => callEndpoint(scenarios.getScenario, { params: { id } });

export const createScenario = (matrixId: string, name: string, changes: Scenario) =>
  callEndpoint(scenarios.createScenario, {
    params: { id: matrixId },
    body: {
      name,
      changes: { ...changes, addedPeople: changes.addedPeople.map((p) => ({ ...p, skills: [...p.skills] })) },
    },
  });

export const deleteScenario = (id: string, version: number) =>
  callEndpoint(scenarios.deleteScenario, { params: { id }, query: { version } });

export const compareScenario = (id: string) => callEndpoint(scenarios.compareScenario, { params: { id } });

export const previewApplyScenario = (id: string) =>
  callEndpoint(scenarios.previewApplyScenario, { params: { id } });

export const applyScenario = (id: string, version: number) =>
  callEndpoint(scenarios.applyScenario, { params: { id }, body: { version } });
