import { can } from "@oha/domain";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { analysisPagesFor } from "../analysis-pages.js";
import { useSession } from "../auth/session.js";
import { useLabels } from "../i18n/index.js";
import { listPath } from "../lib/paths.js";
import { primaryResources } from "../resources.js";
import { LanguageSwitch } from "./LanguageSwitch.js";
import { Loading } from "./ProblemAlert.js";

/** The frame of every signed-in page: skip link, header with tenant and sign-out, navigation, main. */
export function Layout() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { me, principal, signOut } = useSession();
  const links = [
    { to: "/", label: t("nav.home"), end: true },
    ...primaryResources.flatMap((r, i) => [
      { to: listPath(r.name), label: labels.entity(r.name, true), end: false },
      // A group's analyses follow its last entity in the navigation.
      ...(primaryResources[i + 1]?.group === r.group
        ? []
        : analysisPagesFor(r.group, principal).map((p) => ({
            to: p.path,
            label: t(p.titleKey),
            end: false,
          }))),
    ]),
    { to: "/action-items", label: t("nav.actionItems"), end: false },
    { to: "/reports", label: t("nav.reports"), end: false },
    { to: "/transfer", label: t("nav.transfer"), end: false },
    ...(principal && can(principal, "manage", "apiKey")
      ? [{ to: "/access", label: t("nav.access"), end: false }]
      : []),
    // Only who may import records gets the way to the import.
    ...(principal && can(principal, "import", "measure")
      ? [{ to: "/import", label: t("nav.import"), end: false }]
      : []),
    { to: "/areas", label: t("nav.all"), end: false },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <div>
              <p className="brand-name">{t("app.name")}</p>
              <p className="tenant-name">{me?.tenant.name}</p>
            </div>
          </div>
          <div className="header-tools">
            <p className="who">
              {me ? t("session.role", { role: labels.value("Role", me.principal.role) }) : null}
            </p>
            <LanguageSwitch />
            <button type="button" className="button secondary" onClick={signOut}>
              {t("session.signOut")}
            </button>
          </div>
        </div>
        <nav className="main-nav" aria-label={t("nav.label")}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end ?? false}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="main">
        {/* Pages are loaded when first shown (lazyPages): the frame stays while one loads. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}
