/**
 * A number field for one coordinate: typing keeps the text as typed ("-", "1.") and commits each valid
 * number at once; leaving the field shows the stored value again (clamped to ±10, two decimals).
 */
import { useState } from 'react';
import { GRADIENT_LIMIT } from '../../state/explorer/explorer-store';

export interface CoordinateFieldProps {
  label: string;
  value: number;
  onCommit: (value: number) => void;
}

export function CoordinateField({ label, value, onCommit }: CoordinateFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="explorer-coordinate">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        step={0.1}
        min={-GRADIENT_LIMIT}
        max={GRADIENT_LIMIT}
        value={draft ?? String(value)}
        onChange={(event) => {
          setDraft(event.target.value);
          const x = event.target.valueAsNumber;
          if (Number.isFinite(x)) onCommit(x);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
