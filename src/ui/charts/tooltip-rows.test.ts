import { describe, expect, it } from 'vitest';
import type { SeriesSpec } from './define';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { formatExact, lossDataScale, stepText, tooltipRows, valuesNear } from './tooltip-rows';

describe('formatExact', () => {
  it('gives 4 significant digits, exponent form below 0.001 and from 10,000 up', () => {
    expect(formatExact(0.123456)).toBe('0.1235');
    expect(formatExact(1.5)).toBe('1.500');
    expect(formatExact(-0.98765)).toBe('-0.9877');
    expect(formatExact(1234.56)).toBe('1235');
    expect(formatExact(0.001)).toBe('0.001000');
    expect(formatExact(0.00012346)).toBe('1.235e-4');
    expect(formatExact(123456)).toBe('1.235e+5');
    expect(formatExact(0)).toBe('0');
    expect(formatExact(NaN)).toBe('NaN');
  });

  it('labels the step as a whole number grouped by thousands', () => {
    expect(stepText(12500)).toBe('step 12,500');
    expect(stepText(undefined)).toBe('');
  });
});

describe('valuesNear', () => {
  const rows = [
    { step: 0, a: 1, r: 5 },
    { step: 50, a: 2 },
    { step: 70, r: 6 },
    { step: 100, a: 3, bad: NaN },
    { step: 140, r: 7 },
  ];

  it("takes each key's value at the hovered step, else its nearest report (earlier on a tie)", () => {
    const near = valuesNear(rows, 50, ['a', 'r', 'bad', 'none']);
    expect([...near]).toEqual([
      ['a', { value: 2, step: 50 }],
      ['r', { value: 6, step: 70 }],
    ]);
    expect(valuesNear(rows, 120, ['a', 'r']).get('a')).toEqual({ value: 3, step: 100 });
    expect(valuesNear(rows, 120, ['a', 'r']).get('r')).toEqual({ value: 7, step: 140 });
    expect(valuesNear(rows, 25, ['a']).get('a')).toEqual({ value: 1, step: 0 });
  });

  it('looks no further than `reach` rows either side', () => {
    const gap = [{ step: 0, a: 1 }, { step: 10 }, { step: 20 }, { step: 30 }];
    expect(valuesNear(gap, 30, ['a'], 1).get('a')).toBeUndefined();
    expect(valuesNear(gap, 30, ['a'], 2).get('a')).toEqual({ value: 1, step: 0 });
  });
});

describe('tooltipRows', () => {
  const lines: SeriesSpec[] = [
    { key: 'a train', name: 'a train', title: 'circle train', color: '#111' },
    { key: 'a test', name: 'a test', title: 'circle test', color: '#111', dashed: true },
    {
      key: 'r1|a train',
      name: 'a train',
      title: 'circle train',
      color: '#111',
      dash: '1 3',
      run: 'EW seed 1',
    },
    { key: 'b train', name: 'b train', color: '#222' },
  ];
  const at = (step: number, value: number) => ({ step, value });

  it("lists each line's full name, colour and value, the live run first, overlaid runs named", () => {
    const values = new Map([
      ['r1|a train', at(60, 0.5)],
      ['b train', at(50, 2 / 3)],
      ['a train', at(50, 0.123456)],
      ['a test', at(50, 0.2)],
    ]);
    expect(tooltipRows(values, lines, 50)).toEqual([
      { key: 'a train', label: 'circle train', color: '#111', value: '0.1235' },
      { key: 'a test', label: 'circle test', color: '#111', value: '0.2000', dash: '4 3' },
      { key: 'b train', label: 'b train', color: '#222', value: '0.6667' },
      {
        key: 'r1|a train',
        label: 'circle train',
        color: '#111',
        value: '0.5000',
        dash: '1 3',
        run: 'EW seed 1',
        at: 60,
      },
    ]);
  });

  it('leaves out lines with no value near the step', () => {
    expect(tooltipRows(new Map([['a test', at(10, 1)]]), lines, 10).map((r) => r.key)).toEqual(['a test']);
  });
});

describe('data units', () => {
  const info = (targetScale?: { mean: number; std: number }) =>
    ({
      tasks: [
        { name: 'mpg', metricLabel: 'R²', higherIsBetter: true, ...(targetScale ? { targetScale } : {}) },
        { name: 'origin', metricLabel: 'accuracy', higherIsBetter: true },
      ],
      kind: 'data',
      replicas: 1,
    }) as unknown as TrainerInfo;

  it("scales a standardised target's loss by std² (7.8² = 60.84), and nothing else", () => {
    expect(lossDataScale(info({ mean: 23.5, std: 7.8 }), 0)).toEqual({
      factor: 7.8 * 7.8,
      unit: "in the data's units (× std² = 60.84)",
    });
    expect(lossDataScale(info({ mean: 23.5, std: 7.8 }), 1)).toBeUndefined();
    expect(lossDataScale(info(), 0)).toBeUndefined();
    expect(lossDataScale(info({ mean: 0, std: 0 }), 0)).toBeUndefined();
    expect(lossDataScale(null, 0)).toBeUndefined();
  });

  it('adds the value in data units to the row of a scaled line only', () => {
    const scale = lossDataScale(info({ mean: 23.5, std: 2 }), 0);
    const lines = [
      { key: 'mpg train', color: '#111', ...(scale ? { dataScale: scale } : {}) },
      { key: 'origin train', color: '#222' },
    ];
    const values = new Map([
      ['mpg train', { value: 0.25, step: 10 }],
      ['origin train', { value: 0.5, step: 10 }],
    ]);
    const rows = tooltipRows(values, lines, 10);
    // 0.25 standardised units of MSE × std² (4) = 1 (mpg)².
    expect(rows[0]?.data).toBe("1.000 in the data's units (× std² = 4.000)");
    expect(rows[1]?.data).toBeUndefined();
  });
});
