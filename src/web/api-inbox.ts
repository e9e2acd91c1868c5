/**
 * The signed-in person's inbox and what they may do on a proposal: each function calls one
 * endpoint of src/contracts/endpoints/inbox.ts through {@link callEndpoint}.
 */
import { inbox } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

/** What waits for the signed-in person in one organisation. */
export const getMyInbox = (orgId: string) => callEndpoint(inbox.getMyInbox, { query: { org: orgId } });

/** The steps of a proposal the signed-in person may take now (the server acts as them). */
export const getMyProposalActions = (proposalId: string) =>
  callEndpoint(inbox.getMyProposalActions, { params: { id: proposalId } });
