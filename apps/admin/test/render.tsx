import type { Locale } from "@oha/domain";
import type { QueryClient } from "@tanstack/react-query";
import { type RenderResult, render } from "@testing-library/react";
import type { i18n } from "i18next";
import { createMemoryRouter, RouterProvider } from "react-router";
import type { Me } from "../src/api/types.js";
import { AppProviders, createQueryClient, routes } from "../src/app.js";
import { keyStorage } from "../src/auth/session.js";
import { createI18n } from "../src/i18n/index.js";
import { MemoryApi } from "./memory-api.js";

/**
 * Renders the whole app at a URL with an in-memory API, signed in unless told otherwise.
 * Returns the router too, so tests can look at the URL and go back.
 */
export function renderApp(
  url: string,
  options: { api?: MemoryApi; signedIn?: boolean; locale?: Locale } = {},
): RenderResult & {
  api: MemoryApi;
  router: ReturnType<typeof createMemoryRouter>;
  i18n: i18n;
  client: QueryClient;
} {
  const api = options.api ?? new MemoryApi();
  const language = createI18n(options.locale ?? "de");
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false, staleTime: 0 },
  });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  let initialMe: Me | undefined;
  if (options.signedIn !== false) {
    sessionStorage.setItem(keyStorage, api.key);
    initialMe = { principal: api.principal, tenant: { id: api.tenantId, name: api.tenantName } };
  }
  const view = render(
    <AppProviders api={api} i18n={language} client={client} {...(initialMe ? { initialMe } : {})}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, api, router, i18n: language, client };
}
