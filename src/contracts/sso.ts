import { z } from 'zod';

/**
 * Where to land after signing in: a path on this site. Anything else (`https://…`, `//host`,
 * `/\host`, control characters) could send the browser elsewhere with a fresh session.
 */
export function isSameSitePath(value: string): boolean {
  return (
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.includes('\\') &&
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    !/[\u0000-\u001f\u007f]/.test(value)
  );
}

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
