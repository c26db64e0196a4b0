import { goalDataGapLabels, goalProgressSourceLabels, goalStatusLabels } from "../analytics/goals.js";
import { healthBasisLabels, healthLevelLabels, inhibitorLevelLabels } from "../analytics/health.js";
import { indicatorTrendKindLabels } from "../analytics/indicators.js";
import { involvementKindLabels } from "../analytics/participation.js";
import { statementDimensionLabels, trendDirectionLabels } from "../analytics/reconciliation.js";
import { reviewDueBasisLabels } from "../analytics/standards.js";
import { enumLabels, type LabelMap } from "../common/labels.js";
import { historyActionLabels } from "../common/wire.js";
import { reportKindLabels } from "../reports/document.js";
import { statisticsFormatLabels } from "../statistics/types.js";
import { actorKindLabels, endReasonLabels, legalFrameworkLabels, staffLevelLabels } from "./actor.js";
import { agreementKindLabels, agreementStatusLabels } from "./agreement.js";
import { bodyKindLabels, decisionAuthorityLabels, membershipRoleLabels } from "./body.js";
import { documentKindLabels, documentVisibilityLabels } from "./document.js";
import { funderLevelLabels } from "./funding.js";
import { goalLevelLabels, goalStateLabels } from "./goal.js";
import { frequencyLabels, indicatorDirectionLabels, indicatorUnitLabels } from "./indicator.js";
import { inhibitorLabels, successFactorLabels } from "./maturity.js";
import {
  baMeasureTypeLabels,
  iabeSectorLabels,
  measureCategoryLabels,
  measureStatusLabels,
  overlapVerdictLabels,
  scheduleKindLabels,
  targetGroupLabels,
} from "./measure.js";
import { actionItemStatusLabels, attendanceStatusLabels, meetingStatusLabels } from "./meeting.js";
import { datePrecisionLabels, milestoneKindLabels, staffFundingLabels, unitKindLabels } from "./office.js";
import {
  reconciliationDimensionLabels,
  reconciliationTopicLabels,
  roundStatusLabels,
} from "./reconciliation.js";
import { keySystemLabels, regionKindLabels, regionStatusLabels } from "./region.js";
import { roleLabels } from "./role.js";
import {
  adoptionStatusLabels,
  effectivenessLabels,
  responsibilityRoleLabels,
  standardKindLabels,
  standardStatusLabels,
} from "./standard.js";

/**
 * The German and English label of every enum value, by the enum's schema id: the enums of the
 * model and the analyses, typed. An enum built later with `labelledEnum` (a new entity's) is
 * found by {@link labelOf} and `enumLabels` without being listed here.
 *
 * @example
 * labels.ActorKind.job_centre.de; // "Jobcenter"
 */
export const labels = {
  ActionItemStatus: actionItemStatusLabels,
  ActorKind: actorKindLabels,
  AdoptionStatus: adoptionStatusLabels,
  AgreementKind: agreementKindLabels,
  AgreementStatus: agreementStatusLabels,
  AttendanceStatus: attendanceStatusLabels,
  BaMeasureType: baMeasureTypeLabels,
  BodyKind: bodyKindLabels,
  DatePrecision: datePrecisionLabels,
  DecisionAuthority: decisionAuthorityLabels,
  DocumentKind: documentKindLabels,
  DocumentVisibility: documentVisibilityLabels,
  Effectiveness: effectivenessLabels,
  EndReason: endReasonLabels,
  Frequency: frequencyLabels,
  FunderLevel: funderLevelLabels,
  GoalDataGap: goalDataGapLabels,
  GoalLevel: goalLevelLabels,
  GoalProgressSource: goalProgressSourceLabels,
  GoalState: goalStateLabels,
  HistoryAction: historyActionLabels,
  GoalStatus: goalStatusLabels,
  HealthBasis: healthBasisLabels,
  HealthLevel: healthLevelLabels,
  IabeSector: iabeSectorLabels,
  IndicatorDirection: indicatorDirectionLabels,
  IndicatorUnit: indicatorUnitLabels,
  Inhibitor: inhibitorLabels,
  InhibitorLevel: inhibitorLevelLabels,
  IndicatorTrendKind: indicatorTrendKindLabels,
  InvolvementKind: involvementKindLabels,
  KeySystem: keySystemLabels,
  LegalFramework: legalFrameworkLabels,
  MeasureCategory: measureCategoryLabels,
  MeasureStatus: measureStatusLabels,
  MeetingStatus: meetingStatusLabels,
  MembershipRole: membershipRoleLabels,
  MilestoneKind: milestoneKindLabels,
  OverlapVerdict: overlapVerdictLabels,
  ReconciliationDimension: reconciliationDimensionLabels,
  ReconciliationTopic: reconciliationTopicLabels,
  RegionKind: regionKindLabels,
  ReportKind: reportKindLabels,
  RegionStatus: regionStatusLabels,
  ResponsibilityRole: responsibilityRoleLabels,
  ReviewDueBasis: reviewDueBasisLabels,
  Role: roleLabels,
  RoundStatus: roundStatusLabels,
  ScheduleKind: scheduleKindLabels,
  StaffFunding: staffFundingLabels,
  StaffLevel: staffLevelLabels,
  StandardKind: standardKindLabels,
  StandardStatus: standardStatusLabels,
  StatementDimension: statementDimensionLabels,
  StatisticsFormat: statisticsFormatLabels,
  SuccessFactor: successFactorLabels,
  TargetGroup: targetGroupLabels,
  TrendDirection: trendDirectionLabels,
  UnitKind: unitKindLabels,
} as const satisfies Record<string, LabelMap>;

/** The id of a labelled enum: one that {@link labels} names, or any other built with `labelledEnum`. */
export type EnumId = keyof typeof labels | (string & {});

/**
 * The labels of an enum by its schema id: from {@link labels}, or for an enum it does not name (a
 * new entity's), from `labelledEnum` itself. `undefined` for an id no labelled enum has.
 *
 * @example
 * labelsOf("ActorKind")?.job_centre?.de; // "Jobcenter"
 */
export function labelsOf(enumId: EnumId): LabelMap | undefined {
  // The typed map first: it keeps the label maps in a tree-shaken bundle, where a module whose
  // enum is unused (and with it its registration) may be left out.
  return (
    (Object.hasOwn(labels, enumId) ? (labels as Record<string, LabelMap>)[enumId] : undefined) ??
    enumLabels(enumId)
  );
}

/** The label of an enum value in a locale, or the value itself when it is unknown. */
export function labelOf(enumId: EnumId, value: string, locale: "de" | "en" = "de"): string {
  const map = labelsOf(enumId);
  return map && Object.hasOwn(map, value) ? (map[value]?.[locale] ?? value) : value;
}
