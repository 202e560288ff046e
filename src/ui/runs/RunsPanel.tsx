/** The stored runs (issue 12): owned by the runs work; this first version only reserves the place. */
import type { PlaygroundStore } from '../../state/store';

export function RunsPanel(_props: { store: PlaygroundStore }) {
  return null;
}
