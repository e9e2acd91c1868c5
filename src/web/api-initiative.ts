/**
 * The API of the item detail drawer: an initiative's impacts on KPIs and its effort per skill and
 * month, and a KPI's tolerance. Each function calls one declared endpoint through
 * {@link callEndpoint}: contract types in, contract types out, {@link ApiError} on failure.
 */
import type { CreateImpactInput, SetSkillEffortMonthsInput, UpdateImpactInput } from '../contracts';
import { bowling, feasibility } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

export const listImpacts = (initiativeId: string) =>
  callEndpoint(feasibility.listImpacts, { params: { id: initiativeId } });

export const createImpact = (input: CreateImpactInput) =>
  callEndpoint(feasibility.impacts.create, { body: input });

export const updateImpact = (id: string, input: UpdateImpactInput) =>
  callEndpoint(feasibility.impacts.update, { params: { id }, body: input });

export const deleteImpact = (id: string, version: number) =>
  callEndpoint(feasibility.impacts.remove, { params: { id }, query: { version } });

export const listEfforts = (initiativeId: string) =>
  callEndpoint(feasibility.listEfforts, { params: { id: initiativeId } });

/** Replaces the named skills' months in one transaction; answers every effort of the initiative. */
export const setEffortMonths = (initiativeId: string, input: SetSkillEffortMonthsInput) =>
  callEndpoint(feasibility.setSkillEffortMonths, { params: { id: initiativeId }, body: input });

export const setKpiTolerance = (kpiId: string, tolerancePercent: number) =>
  callEndpoint(bowling.setKpiThreshold, { params: { id: kpiId }, body: { tolerancePercent } });
