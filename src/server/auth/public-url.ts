import type { FastifyRequest } from 'fastify';

/**
 * The address people reach this server at, for links in answers (setup and invitation links):
 * CATCHBALL_PUBLIC_URL when set (behind a proxy that rewrites the host), else the request's own
 * scheme and host (which honour a proxy trusted with CATCHBALL_TRUST_PROXY).
 */
export function publicBaseUrl(request: FastifyRequest, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CATCHBALL_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
