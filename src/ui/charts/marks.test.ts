import { describe, expect, it } from 'vitest';
import { allMarks, marksOf, marksSummary, shortChange } from './marks';

describe('marks of live changes', () => {
  it('labels a change in a few characters on the plot', () => {
    expect(shortChange('learning rate 0.01 → 0.003')).toBe('lr 0.003');
    expect(shortChange('method Equal weights → PCGrad')).toBe('PCGrad');
    expect(shortChange('method CAGrad: c 0.5 → 0.2')).toBe('CAGrad params');
    expect(shortChange('method Equal weights → Uncertainty weighting')).toBe('Uncertainty w…');
  });

  it('draws one mark per step, in step order, with the full text of everything changed there', () => {
    const marks = marksOf([
      { step: 1200, what: 'method Equal weights → PCGrad' },
      { step: 400, what: 'learning rate 0.01 → 0.003' },
      { step: 1200, what: 'learning rate 0.003 → 0.001' },
    ]);
    expect(marks).toEqual([
      { step: 400, short: 'lr 0.003', full: 'learning rate 0.01 → 0.003' },
      {
        step: 1200,
        short: 'PCGrad, lr 0.001',
        full: 'method Equal weights → PCGrad; learning rate 0.003 → 0.001',
      },
    ]);
    expect(marksSummary(marks)).toBe(
      ' Changes: at step 400, learning rate 0.01 → 0.003. at step 1,200, method Equal weights → PCGrad; learning rate 0.003 → 0.001.',
    );
    expect(marksSummary([])).toBe('');
  });
});

describe('marks of overlaid runs', () => {
  it('follow the live run’s and name their run', () => {
    const marks = allMarks(
      [{ step: 400, what: 'learning rate 0.01 → 0.003' }],
      [
        { name: 'EW · seed 1', changes: [{ step: 250, what: 'method Equal weights → PCGrad' }] },
        { name: 'EW · seed 2', changes: [] },
      ],
    );
    expect(marks).toEqual([
      { step: 400, short: 'lr 0.003', full: 'learning rate 0.01 → 0.003' },
      { step: 250, short: 'PCGrad', full: 'EW · seed 1: method Equal weights → PCGrad' },
    ]);
  });
});
