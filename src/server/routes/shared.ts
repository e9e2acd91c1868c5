/** Deletes name the version they read in the query: `DELETE /api/units/cso?version=3`. */
export { VersionQuerySchema } from '../../contracts/crud-endpoints';
