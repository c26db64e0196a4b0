import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useList } from "../api/hooks.js";
import type { AnyRecord } from "../api/types.js";
import { ListPage } from "../components/ListPage.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, DetailList, HistoryList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { fieldsOf } from "../lib/forms.js";
import { recordLabel, useRecordName } from "../lib/lookup.js";
import { EditRecordPage, NewRecordPage, pathOf, usePermissions, WithRecord } from "./generic.js";

/** The list of contact persons. */
export function ContactList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions("contact");
  return (
    <ListPage
      config={{
        entity: "contact",
        title: labels.entity("contact", true),
        defaultSort: "familyName",
        filters: [],
        intro: <p className="hint">{t("contact.intro")}</p>,
        columns: [
          {
            key: "name",
            header: t("fields.common.name"),
            sortField: "familyName",
            rowHeader: true,
            cell: (r) => <Link to={pathOf("/contacts", r)}>{recordLabel("contact", r)}</Link>,
          },
          { key: "email", header: t("fields.common.email"), cell: (r) => String(r.email ?? "") },
          { key: "phone", header: t("fields.common.phone"), cell: (r) => String(r.phone ?? "") },
        ],
        exportFields: ["title", "givenName", "familyName", "email", "phone"],
        exportName: t("export.names.contacts"),
        createPath: perms.create ? "/contacts/new" : undefined,
      }}
    />
  );
}

export const NewContactPage = () => <NewRecordPage entity="contact" base="/contacts" />;
export const EditContactPage = () => <EditRecordPage entity="contact" base="/contacts" />;

/** A contact person: where they work(ed), where they sit, what changed. */
export function ContactPage() {
  const { id } = useParams();
  const _navigate = useNavigate();
  return (
    <WithRecord entity="contact" id={id}>
      {(contact) => <ContactDetails contact={contact} />}
    </WithRecord>
  );
}

function ContactDetails({ contact }: { contact: AnyRecord }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const perms = usePermissions("contact", contact);
  const actorName = useRecordName("actor");
  const bodyName = useRecordName("body");
  const affiliations = useList("affiliation", {
    filters: { contactId: contact.id },
    sort: "-from",
    limit: 500,
  });
  const memberships = useList("membership", {
    filters: { contactId: contact.id },
    sort: "-from",
    limit: 500,
  });
  const affiliationItems = affiliations.data?.items ?? [];
  const membershipItems = memberships.data?.items ?? [];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/contacts">{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{recordLabel("contact", contact)}</PageTitle>
        <div className="button-row">
          {perms.update ? (
            <Link className="button primary" to={`/contacts/${contact.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity="contact" record={contact} /> : null}
        </div>
      </div>
      <p className="hint">{t("contact.deleteHint")}</p>
      <section aria-labelledby="contact-details">
        <h2 id="contact-details">{t("record.details")}</h2>
        <DetailList entity="contact" record={contact} fields={fieldsOf("contact")} />
      </section>
      <section aria-labelledby="contact-affiliations">
        <h2 id="contact-affiliations">{labels.entity("affiliation", true)}</h2>
        {affiliations.error ? <ProblemAlert error={affiliations.error} /> : null}
        {affiliationItems.length === 0 && affiliations.data ? <p>{t("contact.noAffiliations")}</p> : null}
        <ul className="plain-list">
          {affiliationItems.map((a) => (
            <li key={a.id}>
              <Link to={`/actors/${String(a.actorId)}`}>{actorName(a.actorId as string)}</Link>:{" "}
              {String(a.role)} ({formatDate(a.from, locale)} –{" "}
              {a.to ? formatDate(a.to, locale) : t("actor.current")})
              {a.endReason ? `, ${labels.value("EndReason", a.endReason as string)}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="contact-memberships">
        <h2 id="contact-memberships">{labels.entity("membership", true)}</h2>
        {memberships.error ? <ProblemAlert error={memberships.error} /> : null}
        {membershipItems.length === 0 && memberships.data ? <p>{t("contact.noMemberships")}</p> : null}
        <ul className="plain-list">
          {membershipItems.map((m) => (
            <li key={m.id}>
              <Link to={`/bodies/${String(m.bodyId)}`}>{bodyName(m.bodyId as string)}</Link>:{" "}
              {labels.value("MembershipRole", m.role as string)} ({formatDate(m.from, locale)} –{" "}
              {m.to ? formatDate(m.to, locale) : t("actor.current")})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="contact-history">
        <h2 id="contact-history">{t("history.title")}</h2>
        <HistoryList entity="contact" id={contact.id} />
      </section>
    </>
  );
}
