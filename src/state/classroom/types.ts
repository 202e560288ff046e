/**
 * Classroom mode (issue 13): what a teacher's link asks of the page. Parsed from the URL hash, e.g.
 * `#lesson=cagrad-toy&step=2&hide=method,isolation&lock=task` or `#embed=chart:loss&lesson=cagrad-toy`;
 * a hash without these keys is the experiment as before (url-codec.ts).
 */
export interface ClassroomView {
  /** A lesson id to open (public/lessons/<id>.json), and its step (1-based). */
  lesson?: string;
  step?: number;
  /** Panels, controls or charts to hide: control names (e.g. 'method', 'isolation') or chart ids. */
  hide: string[];
  /** Config fields shown but not editable (e.g. 'task', 'architecture'). */
  lock: string[];
  /** Embedded in a course page: 'lesson' (the lesson alone) or `chart:<id>` (one chart alone). */
  embed?: string;
}
