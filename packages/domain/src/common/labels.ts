import { z } from "zod";
import type { LocalizedText } from "./i18n.js";

/** A map from every value of an enum to its German and English label. */
export type LabelMap<K extends string = string> = { readonly [P in K]: LocalizedText };

/** Every labelled enum's labels, by its schema id: filled as the enums are built. */
const registry = new Map<string, LabelMap>();

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];

/**
 * Builds a Zod enum whose values are the keys of a label map, so no value can lack a label.
 *
 * @example
 * const goalLevelLabels = { strategic: text("Strategisch", "Strategic") } as const;
 * const GoalLevel = labelledEnum("GoalLevel", goalLevelLabels);
 */
export function labelledEnum<const T extends LabelMap>(id: string, map: T) {
  registry.set(id, map);
  return z
    .enum(Object.keys(map) as Keys<T>)
    .meta({ id, description: `One of: ${Object.keys(map).join(", ")}` });
}

/**
 * The labels of an enum built with {@link labelledEnum}, by its schema id, or `undefined` for an
 * id no such enum has. Every labelled enum is found, also one that `labels` does not name.
 *
 * @example
 * enumLabels("ActorKind")?.job_centre?.de; // "Jobcenter"
 */
export function enumLabels(id: string): LabelMap | undefined {
  return registry.get(id);
}

/** The schema ids of every enum built with {@link labelledEnum} so far. */
export function labelledEnumIds(): string[] {
  return [...registry.keys()];
}
