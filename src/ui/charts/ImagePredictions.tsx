/**
 * The prediction grid (issue 14): two dozen of the run's TEST images (MultiMNIST: two digits each), drawn
 * grey on canvases, with each task's predicted class under each image, right (✓, green) or wrong (✗, red,
 * with the true class). The images and answers come from the grid's own store (state/images/), which its
 * controller refreshes at most every 2 s as training goes on; this file only draws.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ImagePredictionsView, TestImages } from '../../engine/views';
import { imageGridStore, type ImageGridStore } from '../../state/images/image-store';
import { ChartCard } from './ChartCard';
import { defineViewChart } from './component-chart';
import type { ChartContext } from './define';
import { imageVerdicts, rightPerTask, taskTag, verdictLine, verdictSentence } from './image-captions';
import './ImagePredictions.css';

/** One image, at its own resolution; CSS scales it up with crisp pixels. */
function DigitCanvas({ images, n, side }: { images: TestImages; n: number; side: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = new ImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const g = images.grey[n * side * side + i] as number;
      image.data.set([g, g, g, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  }, [images, n, side]);
  return <canvas ref={ref} width={side} height={side} aria-hidden="true" />;
}

export interface ImagePredictionsProps {
  view: ImagePredictionsView;
  /** Task names, one caption line each. */
  names: readonly string[];
  grid?: ImageGridStore;
}

export function ImagePredictions({ view, names, grid = imageGridStore }: ImagePredictionsProps) {
  const { images, predictions, error } = useStore(grid);
  const ready = Boolean(images && predictions && names.length);
  const right = images && predictions ? rightPerTask(images, predictions.classes, names.length) : [];
  return (
    <ChartCard
      id="image-predictions"
      title={
        predictions
          ? `Test images and predictions at step ${predictions.step}`
          : 'Test images and predictions'
      }
      info="Test images the model never trained on, with what each task predicts for them: ✓ right, ✗ wrong (then the true answer). Refreshed about every 2 seconds while training."
      ready={ready}
      empty={
        error ?? (images ? 'Asking the model…' : 'Press Train to see the model’s answers on test images.')
      }
      footer={
        ready ? (
          <span>
            Under each image, one line per task ({names.map(taskTag).join(', ')}): its predicted class, then ✓
            if right, or ✗ and the true class if wrong.
          </span>
        ) : null
      }
    >
      {images && predictions ? (
        <>
          <p className="image-grid-summary">
            {names.map((name, t) => `${name}: ${right[t]} of ${images.count} right`).join(' · ')}
          </p>
          <ul className="image-grid">
            {Array.from({ length: images.count }, (_, n) => {
              const verdicts = imageVerdicts(images, predictions.classes, n, names, view.classNames);
              const sentence = verdictSentence(verdicts);
              return (
                <li key={n}>
                  <figure title={sentence} aria-label={`Test image ${n + 1}: ${sentence}`} role="img">
                    <DigitCanvas images={images} n={n} side={view.side} />
                    <figcaption>
                      {verdicts.map((v) => (
                        <span
                          key={v.task}
                          className={v.right ? 'verdict-right' : 'verdict-wrong'}
                          data-verdict={v.right ? 'right' : 'wrong'}
                        >
                          <span className="task-tag">{taskTag(v.task)}</span> {verdictLine(v)}
                        </span>
                      ))}
                    </figcaption>
                  </figure>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </ChartCard>
  );
}

function ImagePredictionsLive({ ctx, view }: { ctx: ChartContext; view: ImagePredictionsView }) {
  return <ImagePredictions view={view} names={ctx.names} />;
}

export const imagePredictionsChart = defineViewChart(
  'image-predictions',
  'image-predictions',
  ImagePredictionsLive,
);
