/** memoByText: same answers as the function, object results not shared between callers. */
import { memoByText } from '../../../../src/core/model/memo';

describe('memoByText', () => {
  it('calls the function once per text and returns what it returned', () => {
    let calls = 0;
    const f = memoByText((t: string) => {
      calls++;
      return t.length > 3 ? t.toUpperCase() : null;
    });
    expect([f('Kết quả'), f('TT'), f('Kết quả'), f('TT')]).toEqual([
      'KẾT QUẢ',
      null,
      'KẾT QUẢ',
      null,
    ]);
    expect(calls).toBe(2);
  });

  it('gives each caller its own copy of an object result', () => {
    const f = memoByText((t: string) => ({ role: t, quality: 3 }));
    const a = f('tt');
    a.quality = 0;
    expect(f('tt')).toEqual({ role: 'tt', quality: 3 });
  });

  it('does not remember long texts', () => {
    let calls = 0;
    const f = memoByText((t: string) => (calls++, t.length));
    const long = 'x'.repeat(301);
    f(long);
    f(long);
    expect(calls).toBe(2);
  });
});
