import { z } from 'zod';

/** Deletes name the version they read in the query: `DELETE /api/units/cso?version=3`. */
export const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });
