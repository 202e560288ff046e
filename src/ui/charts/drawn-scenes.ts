/**
 * The scene each time chart last painted, by its plot element: the SVG export (export-svg.ts) writes the
 * very scene on screen. A WeakMap, so a chart that unmounts leaves nothing behind.
 */
import type { Scene } from './scene';

const scenes = new WeakMap<Element, Scene>();

export const rememberScene = (plot: Element, scene: Scene) => void scenes.set(plot, scene);
export const sceneOf = (plot: Element): Scene | undefined => scenes.get(plot);
