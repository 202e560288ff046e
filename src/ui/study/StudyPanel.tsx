/** Studies (issue 12): owned by the studies work; this first version only reserves the place. */
import type { PlaygroundStore } from '../../state/store';

export function StudyPanel(_props: { store: PlaygroundStore }) {
  return null;
}
