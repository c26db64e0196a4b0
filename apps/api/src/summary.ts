import { type Network, populationDensity } from "@oha/domain";

/** A few key figures of a network, in German and English, for the first start's console output. */
export function keyFigures(network: Network): string[] {
  const region = network.region[0];
  const live = <T extends { deleted: boolean }>(list: readonly T[]) => list.filter((r) => !r.deleted);
  const density = region ? populationDensity(region) : undefined;
  const lines: string[] = [];
  if (region) {
    lines.push(
      `  ${region.name}: ${region.areaKm2?.toLocaleString("de-DE")} km², ${region.population?.toLocaleString("de-DE")} Einwohner / inhabitants, ${density?.toLocaleString("de-DE")} je km² / per km²`,
    );
  }
  const bodies = live(network.body);
  lines.push(
    `  Akteure / actors: ${live(network.actor).length} · Gremien / bodies: ${bodies.length} (${bodies.map((b) => b.shortName ?? b.name).join(", ")})`,
    `  Maßnahmen / measures: ${live(network.measure).length} · Standards: ${live(network.standard).length} · Ziele / goals: ${live(network.goal).length}`,
  );
  return lines;
}
