/** The classroom link's hide and lock lists, for a component: `hidden('method')`, `locked('task')`. */
import { useStore } from 'zustand';
import { classroomStore } from '../../state/classroom/classroom-store';

export function useClassroom() {
  const view = useStore(classroomStore, (s) => s.view);
  return {
    view,
    hidden: (part: string) => view.hide.includes(part),
    locked: (part: string) => view.lock.includes(part),
  };
}
