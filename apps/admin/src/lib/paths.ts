import { type EntityName, entities } from "@oha/domain";

/** The path of an entity's list in the admin UI: the API's path segment, from the domain's registry. */
export const listPath = (name: EntityName) => `/${entities[name].plural}`;

/** The path of a record's page. */
export const recordPath = (name: EntityName, id: string) => `${listPath(name)}/${id}`;

/** The path of an entity's recently deleted records, where they can be restored. */
export const deletedPath = (name: EntityName) => `${listPath(name)}/deleted`;
