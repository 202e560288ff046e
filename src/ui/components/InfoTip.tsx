/** An ⓘ that explains a control: shown on hover and on keyboard focus, read by screen readers. */
import { useId } from 'react';

export function InfoTip({ text }: { text: string }) {
  const id = useId();
  return (
    <span className="info-tip">
      <button type="button" className="info-tip-button" aria-describedby={id} aria-label="More information">
        i
      </button>
      <span role="tooltip" id={id} className="info-tip-text">
        {text}
      </span>
    </span>
  );
}
