import { z } from "zod";
import type { LocalizedText } from "./i18n.js";

/** A map from every value of an enum to its German and English label. */
export type LabelMap<K extends string = string> = { readonly [P in K]: LocalizedText };

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];

/**
 * Builds a Zod enum whose values are the keys of a label map, so no value can lack a label.
 *
 * @example
 * const goalLevelLabels = { strategic: text("Strategisch", "Strategic") } as const;
 * const GoalLevel = labelledEnum("GoalLevel", goalLevelLabels);
 */
export function labelledEnum<const T extends LabelMap>(id: string, map: T) {
  return z
    .enum(Object.keys(map) as Keys<T>)
    .meta({ id, description: `One of: ${Object.keys(map).join(", ")}` });
}
