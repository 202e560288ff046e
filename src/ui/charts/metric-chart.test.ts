import { describe, expect, it } from 'vitest';
import type { TrainerInfo } from '../../engine/train/trainer-info';
import { chanceLine, metricLabel } from './MetricChart';
import { formatPercent } from './series';

const task = (metric: 'accuracy' | 'r2', classes?: number): TrainerInfo['tasks'][number] => ({
  name: `t${metric}`,
  metric,
  metricLabel: metric === 'accuracy' ? 'accuracy' : 'R²',
  higherIsBetter: true,
  ...(classes ? { classNames: Array.from({ length: classes }, (_, i) => String(i)) } : {}),
});
const info = (tasks: TrainerInfo['tasks']) => ({ tasks }) as TrainerInfo;

describe('the accuracy chart', () => {
  it('draws the chance level 1/C when every task is a C-class accuracy', () => {
    expect(chanceLine(info([task('accuracy', 10), task('accuracy', 10)]))).toEqual({
      y: 0.1,
      label: 'chance 10%',
    });
    expect(chanceLine(info([task('accuracy', 3)]))?.label).toBe('chance 33.3%');
  });

  it('draws none for mixed class counts, other metrics or tasks without classes', () => {
    expect(chanceLine(info([task('accuracy', 3), task('accuracy', 2)]))).toBeNull();
    expect(chanceLine(info([task('accuracy', 3), task('r2')]))).toBeNull();
    expect(chanceLine(info([task('accuracy')]))).toBeNull();
    expect(chanceLine(null)).toBeNull();
    expect(metricLabel(info([task('accuracy', 3), task('r2')])).label).toBe('metric');
  });

  it('reads shares as percentages', () => {
    expect(formatPercent(0.85)).toBe('85%');
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
});
