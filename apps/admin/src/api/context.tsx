import { createContext, type ReactNode, useContext } from "react";
import type { Api } from "./types.js";

const ApiContext = createContext<Api | undefined>(undefined);

/** Makes an {@link Api} available to every component below. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The {@link Api} of the app (HTTP) or of a test (in memory). */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi needs an ApiProvider");
  return api;
}
