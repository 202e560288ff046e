import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/config/parse';
import { parseStudy } from '../../engine/study/parse-study';
import { planStudy } from '../../engine/study/plan-study';
import { createClassroomStore } from '../classroom/classroom-store';
import { createPlaygroundStore } from '../store';
import { compareGrouping, COMPARE_SEEDS } from './compare-grouping';

const fourTasks = parseConfig({
  task: {
    id: 'playground-2d',
    params: { patterns: ['xor', 'xor', 'circle', 'circle'], labelNoise: [0.1, 0.1, 0.1, 0.1] },
  },
  architecture: {
    id: 'layer-sharing',
    params: { widths: [16, 8], shared: [true, true], activation: 'tanh' },
  },
  isolation: { affinityEvery: 5 },
  steps: 300,
});

describe('compareGrouping (the affinity heatmap button)', () => {
  it('starts the three-way study on the open experiment and shows the Studies tab', async () => {
    const playground = createPlaygroundStore('');
    playground.setState({ config: fourTasks });
    const classroom = createClassroomStore(null, 'training');
    const started: unknown[] = [];
    const ok = await compareGrouping(playground, [1, 1, 0, 0], {
      study: () => Promise.resolve({ startSpec: (raw: unknown) => (started.push(raw), true) }),
      classroom,
    });
    expect(ok).toBe(true);
    expect(classroom.getState().tab).toBe('studies');
    expect(started).toHaveLength(1);
    // A study the Studies tab accepts: the resolved config as base, the groupings as the grid.
    const spec = parseStudy(started[0]);
    expect(spec.grid).toEqual({
      'architecture.params.groups': [
        [0, 0, 0, 0],
        [0, 0, 1, 1],
        [0, 1, 2, 3],
      ],
    });
    expect(spec.seeds).toHaveLength(COMPARE_SEEDS);
    const plan = planStudy(spec);
    expect(plan).toHaveLength(3 * COMPARE_SEEDS);
    for (const run of plan) {
      expect(run.config.architecture.id).toBe('task-groups');
      expect(run.config.architecture.params).toMatchObject({ widths: [16, 8], activation: 'tanh' });
      expect(run.config.isolation.affinityEvery).toBe(0);
      expect(run.config.steps).toBe(300);
      expect(run.config.task).toEqual(fourTasks.task);
    }
  });

  it('reports a busy Studies tab and still shows it', async () => {
    const playground = createPlaygroundStore('');
    playground.setState({ config: fourTasks });
    const classroom = createClassroomStore(null, 'training');
    const ok = await compareGrouping(playground, [0, 0, 1, 1], {
      study: () => Promise.resolve({ startSpec: () => false }),
      classroom,
    });
    expect(ok).toBe(false);
    expect(classroom.getState().tab).toBe('studies');
  });
});
