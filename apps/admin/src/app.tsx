import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n } from "i18next";
import { type ReactNode, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  type RouteObject,
  RouterProvider,
  useLocation,
} from "react-router";
import { analysisRoutes } from "./analysis-pages.js";
import { ApiProvider } from "./api/context.js";
import { isApiError } from "./api/problem.js";
import type { Api, Me } from "./api/types.js";
import { SessionProvider, useSession } from "./auth/session.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { Layout } from "./components/Layout.js";
import { Loading, ProblemAlert } from "./components/ProblemAlert.js";
import { lazyPages } from "./lib/lazy-pages.js";
import { HomePage, NotFoundPage } from "./pages/home.js";
import { SignInPage } from "./pages/sign-in.js";
import { AllAreasPage, resourceRoutes } from "./resources.js";

// The sign-in and start pages come with the first load; every other page when it is first shown.
const ActionItemsPage = lazyPages(() => import("./pages/action-items.js"))("ActionItemsPage");
const ImportPage = lazyPages(() => import("./pages/import.js"))("ImportPage");
const ReportsPage = lazyPages(() => import("./pages/reports.js"))("ReportsPage");
const TransferPage = lazyPages(() => import("./pages/transfer.js"))("TransferPage");
const AccessPage = lazyPages(() => import("./pages/access.js"))("AccessPage");

/** Lets only signed-in people through; others go to the sign-in page and come back afterwards. */
function RequireSession() {
  const { me, restoring, restoreError, retryRestore } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (restoring) return <Loading />;
  if (restoreError) {
    return (
      <main className="main narrow">
        <h1>{t("app.name")}</h1>
        <ProblemAlert error={restoreError} onRetry={retryRestore} />
      </main>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`} replace />;
  }
  return <Outlet />;
}

function Boundary() {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Outlet />
    </ErrorBoundary>
  );
}

/** Every route of the admin UI. */
export const routes: RouteObject[] = [
  {
    element: <Boundary />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <Layout />,
            children: [
              { index: true, element: <HomePage /> },
              ...resourceRoutes(),
              ...analysisRoutes(),
              { path: "areas", element: <AllAreasPage /> },
              { path: "reports", element: <ReportsPage /> },
              { path: "transfer", element: <TransferPage /> },
              { path: "access", element: <AccessPage /> },
              { path: "action-items", element: <ActionItemsPage /> },
              { path: "import", element: <ImportPage /> },
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

/** A query client that does not retry answers that will not change (4xx) and keeps lists briefly. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** The providers every screen needs: data, language, API and session. */
export function AppProviders({
  api,
  i18n,
  client,
  initialMe,
  children,
}: {
  api: Api;
  i18n: i18n;
  client: QueryClient;
  initialMe?: Me;
  children: ReactNode;
}) {
  const [loadMe] = useState(() => (key: string) => api.me(key));
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <ApiProvider api={api}>
          <SessionProvider loadMe={loadMe} {...(initialMe ? { initial: initialMe } : {})}>
            {children}
          </SessionProvider>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** The admin UI in the browser. */
export function App({ api, i18n }: { api: Api; i18n: i18n }) {
  const [client] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <AppProviders api={api} i18n={i18n} client={client}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
