import type { Locale } from "../common/i18n.js";
import { type DomainError, err, ok, type Result } from "../common/result.js";
import { type Network, notFound } from "../model/entities.js";
import { labelOf } from "../model/labels.js";
import type { AdoptionStatus, Guide, Party, Standard } from "../model/standard.js";
import type { ReportBlock, ReportDocument, ReportSection } from "./document.js";
import { enumerate, figure, formatDate, formatPercent, paragraph, table, translator } from "./format.js";
import { namesOf } from "./names.js";

/** What {@link buildPracticeGuide} prints. */
export interface PracticeGuideOptions {
  /** The guide; default the most recently published one. */
  readonly guideId?: string;
  /** The language of the document's own words (default German); the guide's texts stay as written. */
  readonly locale?: Locale;
  /** The date adoption is reported for (default the guide's publication or today's records). */
  readonly asOf?: string;
  /** The district's name as printed; default the region's name. */
  readonly districtName?: string;
}

const adoptionOrder: readonly AdoptionStatus[] = [
  "implemented",
  "implementing",
  "adopted",
  "not_started",
  "declined",
];

/**
 * Builds the practice guide (Handlungsstandard und Praxisleitfaden) as a document: its sections in
 * order, each with the standards it references, their interfaces (who hands what to whom, when, on
 * which legal basis), responsibilities and adoption by the partners. This is what a district hands
 * to its partners, and what another district can reuse.
 *
 * @example
 * const guide = buildPracticeGuide(osterodeExample, {});
 * if (guide.ok) guide.value.sections.map((s) => s.title); // ["1 Die lokale Verantwortungsgemeinschaft", …]
 */
export function buildPracticeGuide(
  network: Network,
  options: PracticeGuideOptions = {},
): Result<ReportDocument, DomainError> {
  const locale = options.locale ?? "de";
  const t = translator(locale);
  const guides = network.guide.filter((g) => !g.deleted);
  const guide: Guide | undefined = options.guideId
    ? guides.find((g) => g.id === options.guideId)
    : [...guides].sort((a, b) => (b.publishedOn ?? "").localeCompare(a.publishedOn ?? ""))[0];
  if (!guide)
    return options.guideId
      ? notFound("guide", options.guideId, locale)
      : err({
          code: "not_found",
          message: t("Es ist kein Praxisleitfaden erfasst.", "No practice guide is recorded."),
        });
  const region = network.region.find((r) => !r.deleted);
  const district = options.districtName ?? region?.name ?? "";
  const office = network.coordinationOffice.find((o) => !o.deleted);
  const names = namesOf(network);
  const standards = new Map(network.standard.filter((s) => !s.deleted).map((s) => [s.id, s]));
  const actorCount = network.actor.filter((a) => !a.deleted).length;
  const asOf = options.asOf ?? guide.publishedOn ?? guide.updatedAt.slice(0, 10);
  const party = (p: Party) =>
    [
      p.actorId ? names.actor(p.actorId) : undefined,
      p.actorKind ? labelOf("ActorKind", p.actorKind, locale) : undefined,
    ]
      .filter(Boolean)
      .join(" / ") || "–";

  const standardSection = (standard: Standard, parent: string): ReportSection => {
    const blocks: ReportBlock[] = [
      paragraph(
        t(
          `${labelOf("StandardKind", standard.kind, "de")}, Fassung ${standard.revision}, ${labelOf("StandardStatus", standard.status, "de")}${standard.adoptedOn ? `, beschlossen am ${formatDate(standard.adoptedOn, "de")}` : ""}${standard.standardElement ? `, Standardelement ${standard.standardElement}` : ""}.`,
          `${labelOf("StandardKind", standard.kind, "en")}, revision ${standard.revision}, ${labelOf("StandardStatus", standard.status, "en")}${standard.adoptedOn ? `, adopted on ${formatDate(standard.adoptedOn, "en")}` : ""}${standard.standardElement ? `, standard element ${standard.standardElement}` : ""}.`,
        ),
      ),
    ];
    if (standard.description) blocks.push(paragraph(standard.description));
    blocks.push(
      table(
        t(`Schnittstellen von ${standard.code}`, `Interfaces of ${standard.code}`),
        [
          t("Wer an wen", "From whom to whom"),
          t("Was wird übergeben", "What is handed over"),
          t("Wann und bis wann", "When and by when"),
          t("Verantwortlich und Rechtsgrundlage", "Responsible and legal basis"),
        ],
        standard.interfaces.map((i) => [
          `${party(i.from)} → ${party(i.to)}`,
          i.handover,
          i.deadline ? `${i.trigger}; ${t("Frist", "deadline")}: ${i.deadline}` : i.trigger,
          [
            i.responsibleActorId ? names.actor(i.responsibleActorId) : undefined,
            i.legalBasis,
            ...i.legalFrameworks.map((f) => labelOf("LegalFramework", f, locale)),
          ]
            .filter(Boolean)
            .join("; ") || "–",
        ]),
        { empty: t("Dieser Standard legt keine Schnittstelle fest.", "This standard defines no interface.") },
      ),
    );
    if (standard.responsibilities.length)
      blocks.push(
        table(
          t(`Zuständigkeiten in ${standard.code}`, `Responsibilities in ${standard.code}`),
          [t("Aufgabe", "Task"), t("Rolle", "Role"), t("Wer", "Who")],
          standard.responsibilities.map((r) => [
            r.task,
            labelOf("ResponsibilityRole", r.role, locale),
            party({
              ...(r.actorId ? { actorId: r.actorId } : {}),
              ...(r.actorKind ? { actorKind: r.actorKind } : {}),
            }),
          ]),
        ),
      );
    const counts = adoptionOrder.map((s) => standard.adoptions.filter((a) => a.status === s).length);
    const implemented = counts[0] ?? 0;
    const withEntry = standard.adoptions.length;
    blocks.push(
      paragraph(
        t(
          `Umsetzung: ${withEntry} von ${actorCount} Partnern haben sich zu diesem Standard erklärt; ${implemented} setzen ihn um${withEntry ? ` (${formatPercent(implemented / withEntry, "de")} der erklärten)` : ""}.`,
          `Adoption: ${withEntry} of ${actorCount} partners have stated their position on this standard; ${implemented} have implemented it${withEntry ? ` (${formatPercent(implemented / withEntry, "en")} of those stating)` : ""}.`,
        ),
      ),
    );
    if (withEntry)
      blocks.push(
        {
          type: "chart",
          title: t(`Umsetzung von ${standard.code}`, `Adoption of ${standard.code}`),
          alt: t(
            `Gestapelter Balken: Partner nach Umsetzungsstand von ${standard.code}. ${adoptionOrder.map((s, i) => `${labelOf("AdoptionStatus", s, "de")}: ${counts[i]}`).join("; ")}.`,
            `Stacked bar: partners by adoption status of ${standard.code}. ${adoptionOrder.map((s, i) => `${labelOf("AdoptionStatus", s, "en")}: ${counts[i]}`).join("; ")}.`,
          ),
          unit: t("Partner", "Partners"),
          chart: {
            kind: "stacked",
            categories: [standard.code],
            segments: adoptionOrder.map((s) => labelOf("AdoptionStatus", s, locale)),
            values: [counts],
          },
        },
        table(
          t(`Umsetzungsstand von ${standard.code} je Partner`, `Adoption of ${standard.code} per partner`),
          [t("Partner", "Partner"), t("Stand", "Status"), t("Seit", "Since")],
          standard.adoptions.map((a) => [
            names.actor(a.actorId),
            labelOf("AdoptionStatus", a.status, locale),
            a.since ? formatDate(a.since, locale) : "–",
          ]),
          { rowHeaders: true },
        ),
      );
    const review = [...standard.reviews].sort((a, b) => b.date.localeCompare(a.date))[0];
    if (review)
      blocks.push(
        paragraph(
          t(
            `Letzte Wirksamkeitsprüfung am ${formatDate(review.date, "de")}: ${labelOf("Effectiveness", review.result, "de")}. ${review.findings}`,
            `Latest effectiveness review on ${formatDate(review.date, "en")}: ${labelOf("Effectiveness", review.result, "en")}. ${review.findings}`,
          ),
        ),
      );
    return {
      id: `${parent}-${standard.id}`,
      title: `${standard.code} ${standard.title}`,
      blocks,
      sections: [],
    };
  };

  const referenced = new Set<string>();
  const sections: ReportSection[] = [
    {
      id: "introduction",
      title: t("Zu diesem Leitfaden", "About this guide"),
      blocks: [
        paragraph(
          t(
            `Der Handlungsstandard und Praxisleitfaden ist die gemeinsame Grundlage der lokalen Verantwortungsgemeinschaft am Übergang Schule–Beruf im ${district}. Er beschreibt in ${guide.sections.length} Abschnitten, wer wem was wann übergibt, und nennt zu jedem Standard seine Schnittstellen, Zuständigkeiten und seinen Umsetzungsstand bei den Partnern. Fassung ${guide.revision}${guide.publishedOn ? `, veröffentlicht am ${formatDate(guide.publishedOn, "de")}` : ""}; Umsetzungsstand zum ${formatDate(asOf, "de")}.`,
            `The action standard and practice guide is the shared basis of the local partnership for the transition from school to work in ${district}. In ${guide.sections.length} sections it describes who hands what to whom and when, and names each standard's interfaces, responsibilities and adoption by the partners. Revision ${guide.revision}${guide.publishedOn ? `, published on ${formatDate(guide.publishedOn, "en")}` : ""}; adoption as of ${formatDate(asOf, "en")}.`,
          ),
          "lead",
        ),
        table(
          t("Inhalt", "Contents"),
          [t("Abschnitt", "Section"), t("Standards", "Standards")],
          guide.sections.map((s) => [
            `${s.number} ${s.title}`,
            s.standardIds.map((id) => standards.get(id)?.code ?? id).join(", ") || "–",
          ]),
          { rowHeaders: true },
        ),
      ],
      sections: [],
    },
    ...guide.sections.map((s): ReportSection => {
      const blocks: ReportBlock[] = s.body ? [paragraph(s.body)] : [];
      const missing = s.standardIds.filter((id) => !standards.has(id));
      if (missing.length)
        blocks.push(
          paragraph(
            t(
              `Nicht mehr vorhanden: ${enumerate(missing, "de")}.`,
              `No longer present: ${enumerate(missing, "en")}.`,
            ),
            "note",
          ),
        );
      const repeated = s.standardIds.filter((id) => standards.has(id) && referenced.has(id));
      if (repeated.length)
        blocks.push(
          paragraph(
            t(
              `Siehe auch: ${enumerate(
                repeated.map((id) => standards.get(id)?.code ?? id),
                "de",
              )} (weiter oben beschrieben).`,
              `See also: ${enumerate(
                repeated.map((id) => standards.get(id)?.code ?? id),
                "en",
              )} (described above).`,
            ),
          ),
        );
      const fresh = s.standardIds.filter((id) => standards.has(id) && !referenced.has(id));
      for (const id of fresh) referenced.add(id);
      return {
        id: `section-${s.number}`,
        title: `${s.number} ${s.title}`,
        blocks,
        sections: fresh.map((id) => standardSection(standards.get(id) as Standard, `section-${s.number}`)),
      };
    }),
  ];
  const overview = [...standards.values()].filter((s) => s.status !== "retired");
  sections.push({
    id: "overview",
    title: t("Übersicht der Standards", "Overview of the standards"),
    blocks: [
      table(
        t("Alle Standards", "All standards"),
        [
          t("Code", "Code"),
          t("Titel", "Title"),
          t("Art", "Kind"),
          t("Fassung", "Revision"),
          t("Status", "Status"),
          figure(t("Schnittstellen", "Interfaces")),
        ],
        overview.map((s) => [
          s.code,
          s.title,
          labelOf("StandardKind", s.kind, locale),
          s.revision,
          labelOf("StandardStatus", s.status, locale),
          String(s.interfaces.length),
        ]),
        { rowHeaders: true, empty: t("Keine Standards erfasst.", "No standards recorded.") },
      ),
    ],
    sections: [],
  });
  return ok({
    kind: "practice_guide",
    lang: locale,
    title: guide.title,
    subtitle: t(`Fassung ${guide.revision}`, `Revision ${guide.revision}`),
    issuer: district,
    author: office?.name ?? district,
    subject: t(
      "Handlungsstandard und Praxisleitfaden: Standards, Schnittstellen und ihre Umsetzung",
      "Action standard and practice guide: standards, interfaces and their adoption",
    ),
    keywords: [
      t("Praxisleitfaden", "practice guide"),
      t("Handlungsstandard", "action standard"),
      t("Schnittstellen", "interfaces"),
      district,
    ],
    date: asOf,
    footer: `${t("Praxisleitfaden", "Practice guide")} ${guide.revision} – ${district}`,
    illustrative: guide.illustrative || [...standards.values()].some((s) => s.illustrative),
    sections,
  });
}
