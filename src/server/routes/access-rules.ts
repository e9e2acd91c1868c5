/** Anyone, signed in or not. */
export const PUBLIC = { kind: 'public' } as const;
/** Any signed-in user or API token; the handler narrows what it answers. */
export const SIGNED_IN = { kind: 'signed_in' } as const;
/** The instance's administrators. */
export const SITE_ADMIN = { kind: 'site_admin' } as const;
