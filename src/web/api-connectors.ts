/** The KPI connector calls of the item detail drawer, each through one declared endpoint. */
import type { PreviewConnectorInput, SetConnectorInput } from '../contracts';
import { connectors } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

export const getKpiConnector = (kpiId: string) =>
  callEndpoint(connectors.getConnector, { params: { id: kpiId } });

export const setKpiConnector = (kpiId: string, input: SetConnectorInput) =>
  callEndpoint(connectors.setConnector, { params: { id: kpiId }, body: input });

export const previewKpiConnector = (kpiId: string, input: PreviewConnectorInput) =>
  callEndpoint(connectors.previewConnector, { params: { id: kpiId }, body: input });

export const runKpiConnector = (kpiId: string) =>
  callEndpoint(connectors.runConnector, { params: { id: kpiId } });

/** Removes the connector; the check-ins it recorded stay. */
export const removeKpiConnector = (kpiId: string, version: number) =>
  callEndpoint(connectors.removeConnector, { params: { id: kpiId }, query: { version } });
