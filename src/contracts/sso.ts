import { z } from 'zod';
import { isSameSitePath } from '../core/return-path';

export const ReturnToSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine(isSameSitePath, 'must be a path on this site: starting with "/", not "//"')
  .meta({ description: 'A path on this site to return to after signing in', example: '/org/acme' });

/** `GET /api/auth/sso/start?returnTo=/path` */
export const SsoStartQuerySchema = z.object({ returnTo: ReturnToSchema.default('/') });

/** What the provider sends back to `GET /api/auth/sso/callback` (RFC 6749 §4.1.2, RFC 9207). */
export const SsoCallbackQuerySchema = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
