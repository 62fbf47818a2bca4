/**
 * Which result column a PHỤ LỤC sheet kind holds as its own. The levels themselves (titles,
 * headers, sheet names, chains) are catalog data: see catalog.ts (levelById, chainById,
 * previousLevel).
 */
import type { ColumnRole, SheetKind } from '../model/report-types';

/** A level's result column: the commune's (PHỤ LỤC 01), the district's (02), the province's (03). */
export type ResultRole = Extract<
  ColumnRole,
  'result-commune' | 'result-district' | 'result-province'
>;

/** The result columns, lowest level first. */
export const RESULT_ROLES: readonly ResultRole[] = [
  'result-commune',
  'result-district',
  'result-province',
];

/** The one kind ↔ result-role map. */
const ROLE_OF_KIND: Record<string, ResultRole> = {
  'phu-luc-01': 'result-commune',
  'phu-luc-02': 'result-district',
  'phu-luc-03': 'result-province',
};

const KIND_OF_ROLE = Object.fromEntries(
  Object.entries(ROLE_OF_KIND).map(([kind, role]) => [role, kind]),
) as Record<ResultRole, SheetKind>;

export function isAppendixKind(kind: SheetKind | string): boolean {
  return Object.prototype.hasOwnProperty.call(ROLE_OF_KIND, kind);
}

/** The result column a level's own sheet holds ("phu-luc-02" → result-district). */
export function resultRoleOfKind(kind: string): ResultRole | undefined {
  return isAppendixKind(kind) ? ROLE_OF_KIND[kind] : undefined;
}

/** The sheet kind whose own result column this is (result-district → "phu-luc-02"). */
export function kindOfResultRole(role: ResultRole): SheetKind {
  return KIND_OF_ROLE[role];
}
