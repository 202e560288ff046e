/**
 * The prediction grid's controller (issue 14): when the run's experiment declares an 'image-predictions'
 * view (MultiMNIST), it builds the run's first test images on the page (the suite is page-safe; the digits
 * load on demand, page-digits.ts) and asks the training worker for the model's outputs on them as training
 * goes on. Like the decision boundary: one request in flight, and at most one every REFRESH_MS, with a
 * last one after the final report so the grid ends on the model the charts end on.
 *
 * It rides on the worker's 'predict-grid' request (outputs on any inputs). Its requestIds are negative and
 * the decision boundary's (state/actions.ts) positive, so each side takes only its own answers.
 */
import { viewsOf } from '../../engine/config/views';
import type { ExperimentConfig } from '../../engine/config/types';
import { viewsOfKind, type ImagePredictionsView } from '../../engine/views';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { emptyImageGrid, imageGridStore, predictedClasses, type ImageGridStore } from './image-store';

/** At most one request every 2 s: a grid of two dozen images changes slowly, and training goes first. */
export const REFRESH_MS = 2000;

export interface ImageClient {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
}

export interface ImagePredictionOptions {
  /** Loads what a config's images need on the page (the app's: connect-images.ts). */
  prepare: (config: ExperimentConfig) => Promise<void>;
  grid?: ImageGridStore;
  now?: () => number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Follow the worker's runs and keep `grid` (the app's grid store by default) up to date. */
export function connectImagePredictions(client: ImageClient, opts: ImagePredictionOptions): () => void {
  const grid = opts.grid ?? imageGridStore;
  const { prepare } = opts;
  const now = opts.now ?? (() => performance.now());
  let run = 0; // counts trainers: an image build that finishes after the next 'configured' is dropped
  let view: ImagePredictionsView | null = null;
  let inFlight: number | null = null;
  let lastRequestId = 0;
  let lastSent = Number.NEGATIVE_INFINITY;
  let dirty = false; // the model changed since the last request
  let step = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  function pump(): void {
    const images = grid.getState().images;
    if (!images || !dirty || inFlight !== null || timer !== null) return;
    const wait = lastSent + REFRESH_MS - now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, wait);
      return;
    }
    dirty = false;
    lastSent = now();
    inFlight = --lastRequestId;
    // A copy: the buffer is transferred to the worker, and the grid keeps its images.
    client.send({
      type: 'predict-grid',
      requestId: inFlight,
      inputs: images.inputs.slice(),
      count: images.count,
    });
  }

  async function startRun(config: ExperimentConfig): Promise<void> {
    const mine = ++run;
    clearTimer();
    inFlight = null;
    lastSent = Number.NEGATIVE_INFINITY; // a new run's first picture need not wait
    step = 0;
    dirty = true; // the untrained model's answer is the "before" picture
    view = viewsOfKind(viewsOf(config), 'image-predictions')[0] ?? null;
    grid.setState(emptyImageGrid());
    if (!view) return;
    try {
      await prepare(config);
      if (mine !== run || !view) return;
      grid.setState({ images: view.testImages(config.seed, view.count), error: null });
      pump();
    } catch (error) {
      if (mine === run) grid.setState({ error: describe(error) });
    }
  }

  const unsubscribe = client.subscribe((message) => {
    switch (message.type) {
      case 'configured':
        void startRun(message.config);
        return;
      case 'reports':
        step = message.step;
        if (message.reports.length > 0) {
          dirty = true;
          pump();
        }
        return;
      case 'grid': {
        if (message.requestId !== inFlight) return;
        inFlight = null;
        const images = grid.getState().images;
        if (message.values && images && view)
          grid.setState({
            predictions: {
              step,
              classes: predictedClasses(message.values, message.tasks, images.count, view.classNames.length),
            },
          });
        pump();
        return;
      }
      case 'error':
        // The worker may not answer any more (a lost device, a crash); a config error leaves the run as it was.
        if (message.kind !== 'config') inFlight = null;
        return;
      default:
        return;
    }
  });
  return () => {
    unsubscribe();
    clearTimer();
    run++;
  };
}
