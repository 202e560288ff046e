/**
 * A part a classroom link locks (`#lock=task`): shown as it is, every field inside disabled at once by a
 * disabled <fieldset> (the platform's own rule, so no control can be missed), with a note saying why.
 */
import type { ReactNode } from 'react';
import './classroom.css';

export function Lockable({ locked, part, children }: { locked: boolean; part: string; children: ReactNode }) {
  if (!locked) return <>{children}</>;
  return (
    <fieldset disabled className="locked-part" data-locked={part}>
      <p className="lock-note">
        <strong>Locked</strong> by this link: shown, but not changeable here.
      </p>
      {children}
    </fieldset>
  );
}
