import type { Route } from '../route';
import type { Services } from '../services';
import { crudRoutes } from './crud';
import { structure as endpoints } from '../../contracts/endpoints';
import type { Locator, Scope } from '../auth/locator';

/** A unit (checked to be in the organisation), or the organisation itself when there is none. */
async function placeInOrganisation(
  organisationId: string,
  unitId: string | null,
  locate: Locator,
  field: string,
): Promise<Scope> {
  const organisation = await locate.referenced('organisationId', () => locate.organisation(organisationId));
  if (unitId === null) return organisation;
  const unit = await locate.referenced(field, () => locate.unit(unitId));
  return unit.organisationId === organisationId ? unit : organisation;
}

/** Units, people and cycles: the structure an organisation plans in. */
export function structureRoutes(services: Services): Route[] {
  return [
    ...crudRoutes({
      endpoints: endpoints.units,
      // Structure is the admins': a unit is made under a unit one administers (or at the top by
      // an organisation admin), and moved only between units one administers.
      access: {
        read: 'member',
        write: 'admin',
        at: (id, locate) => locate.unit(id),
        into: async (body, locate) =>
          placeInOrganisation(body.organisationId, body.parentId ?? null, locate, 'parentId'),
        moveTo: async (body, locate, current) =>
          body.parentId === undefined
            ? []
            : [await placeInOrganisation(current.organisationId, body.parentId, locate, 'parentId')],
      },
      service: services.units,
    }),
    ...crudRoutes({
      endpoints: endpoints.people,
      access: {
        read: 'member',
        at: async (id, locate) => ({ ...(await locate.person(id)), ownerPersonIds: [] }),
        // Linking a person to a user account hands the user that person's ownerships (an owner
        // of a unit edits it): that is granting a role, so it is the admins'.
        into: async (body, locate) => {
          const place = await placeInOrganisation(body.organisationId, body.unitId ?? null, locate, 'unitId');
          return body.userId ? { ...place, need: 'admin' } : place;
        },
        moveTo: async (body, locate, current) => [
          ...(body.unitId === undefined
            ? []
            : [await placeInOrganisation(current.organisationId, body.unitId, locate, 'unitId')]),
          ...(body.userId === undefined ? [] : [{ ...current, need: 'admin' as const }]),
        ],
      },
      service: services.people,
    }),
    ...crudRoutes({
      endpoints: endpoints.cycles,
      access: {
        read: 'member',
        write: 'admin',
        at: (id, locate) => locate.cycle(id),
        into: (body, locate) =>
          locate.referenced('organisationId', () => locate.organisation(body.organisationId)),
      },
      service: services.cycles,
    }),
  ];
}
