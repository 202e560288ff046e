import { describe, expect, it } from 'vitest';
import { decodeHash, encodeConfig } from '../url-codec';
import { defaultConfig } from '../../engine/config/parse';
import { classroomText, joinHash, splitHash } from './classroom-hash';

describe('classroom hash', () => {
  it('reads the example of issue 13', () => {
    const { classroom, experiment, notice } = splitHash('#lesson=toy&step=2&hide=method,isolation&lock=task');
    expect(classroom).toEqual({ lesson: 'toy', step: 2, hide: ['method', 'isolation'], lock: ['task'] });
    expect(experiment).toBe('');
    expect(notice).toBeUndefined();
  });

  it('leaves a hash without classroom keys to the experiment codec, untouched', () => {
    const hash = encodeConfig(defaultConfig('toy'));
    expect(splitHash(hash)).toEqual({ classroom: null, experiment: hash });
    expect(splitHash('')).toEqual({ classroom: null, experiment: '' });
    // Even a broken one: its notice stays url-codec's.
    expect(splitHash('#nonsense')).toEqual({ classroom: null, experiment: '#nonsense' });
  });

  it('separates the experiment that follows the classroom keys, and round-trips both', () => {
    const config = { ...defaultConfig('toy'), learningRate: 0.05 };
    const experiment = encodeConfig(config);
    const hash = joinHash(
      { lesson: 'cagrad-toy', step: 3, hide: ['loss'], lock: [], embed: 'lesson' },
      experiment,
    );
    expect(hash.startsWith('#lesson=cagrad-toy&step=3&hide=loss&embed=lesson&config=')).toBe(true);
    const split = splitHash(hash);
    expect(split.experiment).toBe(experiment);
    expect(decodeHash(split.experiment).config.learningRate).toBe(0.05);
    expect(split.classroom).toEqual({
      lesson: 'cagrad-toy',
      step: 3,
      hide: ['loss'],
      lock: [],
      embed: 'lesson',
    });
  });

  it('drops unusable values with one line naming each and what is accepted, keeping the rest', () => {
    const { classroom, notice } = splitHash('#lesson=Bad%20Id&step=0&hide=method,%3Cscript%3E&embed=page');
    expect(classroom).toEqual({ hide: ['method'], lock: [] });
    expect(notice).toBe(
      "The classroom link: ignored lesson='Bad Id' (expected a lesson id such as cagrad-toy); " +
        "ignored step='0' (expected a whole number from 1 to 99); " +
        "ignored hide='<script>' (expected names of controls, panels or charts such as method, learningRate, loss); " +
        "ignored embed='page' (expected lesson or chart:<chart id>).",
    );
    expect(splitHash('#step=2.5').notice).toMatch(/step='2.5'/);
    expect(splitHash('#lesson=%E0%A4%A').notice).toMatch(/ignored lesson= \(not a valid URL text\)/);
  });

  it('writes nothing for a view that asks nothing, and a step only with its lesson', () => {
    expect(classroomText({ hide: [], lock: [] })).toBe('');
    expect(classroomText({ step: 2, hide: [], lock: ['task'] })).toBe('lock=task');
    expect(joinHash({ hide: [], lock: [] }, '#config=%7B%7D')).toBe('#config=%7B%7D');
    expect(joinHash({ embed: 'chart:loss', hide: [], lock: [] }, '')).toBe('#embed=chart:loss');
  });
});
