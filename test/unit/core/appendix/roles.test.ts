/** appendix-roles.ts: which result column each PHỤ LỤC kind holds as its own. */
import { isAppendixKind, resultRoleOfKind } from '../../../../src/core/appendix/roles';
import { defaultCatalog } from '../../../../src/core/catalog/catalog';

describe('isAppendixKind / resultRoleOfKind', () => {
  it('PHỤ LỤC 01/02/03 hold the commune, district and province results', () => {
    expect(resultRoleOfKind('phu-luc-01')).toBe('result-commune');
    expect(resultRoleOfKind('phu-luc-02')).toBe('result-district');
    expect(resultRoleOfKind('phu-luc-03')).toBe('result-province');
    for (const k of ['phu-luc-01', 'phu-luc-02', 'phu-luc-03'])
      expect(isAppendixKind(k)).toBe(true);
  });

  it.each(['mau-1.4', 'mau-4.5', 'unknown', '', 'phu-luc-04', 'PHU-LUC-01'])(
    '%j is not an appendix kind',
    (kind) => {
      expect(isAppendixKind(kind)).toBe(false);
      expect(resultRoleOfKind(kind)).toBeUndefined();
    },
  );

  it('names inherited from Object are not kinds', () => {
    for (const k of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(isAppendixKind(k)).toBe(false);
      expect(resultRoleOfKind(k)).toBeUndefined();
    }
  });

  it('every level of the bundled catalog produces a kind with a result column', () => {
    const cat = defaultCatalog();
    const roles = cat.levels.map((l) => resultRoleOfKind(l.sheetKind));
    expect(roles).toEqual(['result-commune', 'result-district', 'result-province']);
  });
});
