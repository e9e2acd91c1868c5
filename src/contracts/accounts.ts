import { z } from 'zod';
import { LANGUAGES } from '../core/languages';
import { IdSchema, VersionSchema } from './common';

/** A language Catchball is written in (core/languages.ts). */
export const LanguageSchema = z.enum(LANGUAGES).meta({ id: 'Language' });
export type Language = z.infer<typeof LanguageSchema>;

/** The four roles, weakest first; a role on a unit holds on every unit below it. */
export const RoleSchema = z
  .enum(['admin', 'editor', 'contributor', 'viewer'])
  .meta({ description: 'admin > editor > contributor > viewer; inherited down the unit tree' });
export type RoleName = z.infer<typeof RoleSchema>;

export const EmailSchema = z
  .email()
  .max(254)
  .transform((email) => email.trim().toLowerCase());

/** A new password: long rather than clever (no composition rules). */
export const NewPasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

/**
 * The signed-in user, with where they belong and their roles there.
 *
 * Access in the web app: `isSiteAdmin`, and per organisation `roles` and `personId`, are exactly the
 * standing core/access.ts weighs (`Membership`). With the organisation's units (`parentId`,
 * `ownerId`) the web calls core's `roleOn` and `refusal`, the functions the server's authorizer
 * calls, so the answers (may edit this unit, may check in on this item it owns) are the server's
 * without `can` flags on every resource, and without a second copy of the rule.
 */
export const MeSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    isSiteAdmin: z.boolean(),
    language: LanguageSchema.nullable().meta({
      description: 'The language the user chose; null follows the browser',
    }),
    organisations: z.array(
      z.object({
        id: IdSchema,
        name: z.string(),
        personId: IdSchema.nullable(),
        roles: z.array(z.object({ unitId: IdSchema.nullable(), role: RoleSchema })),
      }),
    ),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** A user account as site administrators manage it (never its password hash). */
export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    isSiteAdmin: z.boolean(),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    sso: z.boolean().meta({ description: 'Linked to a single sign-on identity' }),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    version: VersionSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** One role of one user on a unit (or, with `unitId: null`, on the whole organisation). */
export const RoleAssignmentSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    unitId: IdSchema.nullable(),
    userId: IdSchema,
    userName: z.string(),
    userEmail: z.string(),
    role: RoleSchema,
    version: VersionSchema,
  })
  .meta({ id: 'RoleAssignment' });
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const DemoAccountSchema = z.object({
  email: z.string(),
  password: z.string(),
  role: z.string(),
  description: z.string(),
});
export type DemoAccount = z.infer<typeof DemoAccountSchema>;

/** What the sign-in page needs before anyone is signed in. */
export const AuthConfigSchema = z
  .object({
    needsSetup: z.boolean().meta({ description: 'No user exists yet: the setup link creates the first' }),
    sso: z.object({ name: z.string() }).nullable(),
    demoAccounts: z.array(DemoAccountSchema),
  })
  .meta({ id: 'AuthConfig' });
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

export const SessionInfoSchema = z
  .object({ user: MeSchema.nullable(), csrfToken: z.string().nullable() })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Answer of every way of signing in: who, and the token that writes must echo in `x-csrf-token`. */
export const SignedInSchema = z.object({ user: MeSchema, csrfToken: z.string() }).meta({ id: 'SignedIn' });
export type SignedIn = z.infer<typeof SignedInSchema>;

export const SignInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const SetupSchema = z.object({
  token: z.string().min(1).max(200),
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  password: NewPasswordSchema,
});
export type SetupInput = z.infer<typeof SetupSchema>;

export const AcceptInviteSchema = z.object({
  token: z.string().min(1).max(200),
  password: NewPasswordSchema,
});
export type AcceptInviteInput = z.infer<typeof AcceptInviteSchema>;

export const CreateUserSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  password: NewPasswordSchema.optional(),
  isSiteAdmin: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const CreatedUserSchema = z.object({
  user: UserSchema,
  inviteUrl: z
    .string()
    .nullable()
    .meta({ description: 'One-time link to choose a password (no password given)' }),
});
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

export const UpdateUserSchema = z.object({
  version: VersionSchema,
  name: z.string().trim().min(1).max(200).optional(),
  isSiteAdmin: z.boolean().optional(),
  disabled: z.boolean().optional(),
  password: NewPasswordSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const CreateRoleAssignmentSchema = z.object({
  organisationId: IdSchema,
  unitId: IdSchema.nullable(),
  email: EmailSchema,
  name: z.string().trim().min(1).max(200).optional(),
  role: RoleSchema,
});
export type CreateRoleAssignmentInput = z.infer<typeof CreateRoleAssignmentSchema>;

export const GrantedRoleSchema = z.object({
  assignment: RoleAssignmentSchema,
  inviteUrl: z.string().nullable().meta({ description: 'Set when the user was created by this grant' }),
});
export type GrantedRole = z.infer<typeof GrantedRoleSchema>;

export const UpdateRoleAssignmentSchema = z.object({ version: VersionSchema, role: RoleSchema });
export type UpdateRoleAssignmentInput = z.infer<typeof UpdateRoleAssignmentSchema>;

/** The signed-in user's language; null follows the browser's. */
export const SetLanguageSchema = z
  .object({ language: LanguageSchema.nullable() })
  .meta({ id: 'SetLanguage' });
export type SetLanguageInput = z.infer<typeof SetLanguageSchema>;
