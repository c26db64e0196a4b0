import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../auth/session.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading } from "../components/ProblemAlert.js";

/** The coordinator's start page and the partner's, each loaded when first shown. */
const Dashboard = lazy(() => import("./dashboard.js"));
const PartnerHome = lazy(() => import("./partner-home.js"));

/** The start page: a partner sees its own work, everyone else how the network is doing. */
export function HomePage() {
  const { me } = useSession();
  return (
    <Suspense fallback={<Loading />}>
      {me?.principal.role === "partner" ? <PartnerHome /> : <Dashboard />}
    </Suspense>
  );
}

/** A page for an address that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("notFound.title")}</PageTitle>
      <p>{t("notFound.text")}</p>
      <Link to="/">{t("nav.home")}</Link>
    </>
  );
}
