import { describe, expect, it } from 'vitest';
import { groupsOf, MdgpFormatError, mdgpProblem, parseMdgp } from './instance.ts';
import { objectiveOf } from './problem.ts';

const tiny = `4 2 ss 2 2 2 2
0 1 1.5
0 2 2
0 3 3
1 2 4
1 3 5
2 3 6
`;

describe('parseMdgp', () => {
  it('reads the header, bounds and symmetric weights', () => {
    const inst = parseMdgp(tiny);
    expect(inst).toMatchObject({ n: 4, groupCount: 2, type: 'ss', minSize: [2, 2], maxSize: [2, 2] });
    expect(inst.weights[1 * 4 + 3]).toBe(5);
    expect(inst.weights[3 * 4 + 1]).toBe(5);
    const problem = mdgpProblem(inst);
    expect(objectiveOf(problem, [0, 0, 1, 1])).toBe(1.5 + 6);
    expect(groupsOf([0, 1, 1, 0], 2)).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });

  it.each([
    ['', /empty/],
    ['4 2 xx 2 2 2 2\n', /"ss" or "ds"/],
    ['4 2 ss 2 2 2\n', /expected 4 size bounds/],
    ['4 2 ss 3 2 2 2\n', /invalid size bounds/],
    ['5 2 ss 2 2 2 2\n', /cannot fill groups/],
    [tiny.replace('1 3 5', '1 3 x'), /finite number/],
    [tiny.replace('1 3 5', '1 4 5'), /indices must be distinct integers in 0\.\.3/],
    [tiny.replace('1 3 5', '1 2 5'), /given twice/],
    [tiny.replace('1 3 5\n', ''), /Expected 6 pair lines/],
    [tiny.replace('1 3 5', '1 3'), /Line 6: expected "i j d_ij"/],
  ])('rejects bad input with a clear message (%#)', (text, message) => {
    expect(() => parseMdgp(text)).toThrow(MdgpFormatError);
    expect(() => parseMdgp(text)).toThrow(message);
  });
});
