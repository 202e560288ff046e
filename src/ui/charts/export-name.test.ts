import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from './export-name';

describe('exported chart file names', () => {
  it('say which chart and which step', () => {
    expect(exportFileName('Loss per task', 'loss', 1200, 'png')).toBe('loss-per-task-step-1200.png');
    expect(exportFileName('Test R² per task', 'metric', 50, 'svg')).toBe('test-r2-per-task-step-50.svg');
    expect(exportFileName('Gradient cosine (circle–xor)', 'cosine', 0, 'svg')).toBe(
      'gradient-cosine-circle-xor-step-0.svg',
    );
  });

  it("fall back to the chart's id, and leave the step out before any report", () => {
    expect(exportFileName('—', 'heatmap', null, 'png')).toBe('heatmap.png');
    expect(slug('Équipe à 2')).toBe('equipe-a-2');
  });
});
