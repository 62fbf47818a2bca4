/**
 * Which result column a PHỤ LỤC sheet kind holds as its own. The levels themselves (titles,
 * headers, sheet names, chains) are catalog data: see catalog.ts (levelById, chainById,
 * previousLevel).
 */
import type { ColumnRole, SheetKind } from './report-types';

export type ResultRole = Extract<
  ColumnRole,
  'result-commune' | 'result-district' | 'result-province'
>;

const ROLE_OF_KIND: Record<string, ResultRole> = {
  'phu-luc-01': 'result-commune',
  'phu-luc-02': 'result-district',
  'phu-luc-03': 'result-province',
};

export function isAppendixKind(kind: SheetKind | string): boolean {
  return Object.prototype.hasOwnProperty.call(ROLE_OF_KIND, kind);
}

/** The result column a level's own sheet holds ("phu-luc-02" → result-district). */
export function resultRoleOfKind(kind: string): ResultRole | undefined {
  return isAppendixKind(kind) ? ROLE_OF_KIND[kind] : undefined;
}
