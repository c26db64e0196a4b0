import type { Network } from "../model/entities.js";

/** Looks up display names of a network's records, with the id as the fallback for an unknown one. */
export interface Names {
  actor(id: string | undefined): string;
  body(id: string | undefined): string;
  contact(id: string | undefined): string;
  programme(id: string | undefined): string;
}

/** Builds the name lookups of a network (short names of actors where they have one). */
export function namesOf(
  network: Pick<Network, "actor" | "body" | "contact" | "fundingProgramme">,
  options: { short?: boolean } = {},
): Names {
  const actors = new Map(
    network.actor.map((a) => [a.id, options.short === false ? a.name : (a.shortName ?? a.name)]),
  );
  const bodies = new Map(network.body.map((b) => [b.id, b.name]));
  const contacts = new Map(
    network.contact.map((c) => [c.id, [c.title, c.givenName, c.familyName].filter(Boolean).join(" ")]),
  );
  const programmes = new Map(network.fundingProgramme.map((p) => [p.id, p.name]));
  const look = (map: Map<string, string>) => (id: string | undefined) =>
    id === undefined ? "–" : (map.get(id) ?? id);
  return {
    actor: look(actors),
    body: look(bodies),
    contact: look(contacts),
    programme: look(programmes),
  };
}
