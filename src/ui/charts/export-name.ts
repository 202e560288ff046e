/** File names of exported charts: what the chart is and the step it shows ("loss-per-task-step-1200.png"). */

/** Lower case words joined by dashes; accents and symbols dropped ("Test R² per task" → "test-r-per-task"). */
export function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return words?.join('-') ?? '';
}

/** `<chart>-step-<n>.<ext>`; the chart's id when its title has no letters; no step before any training. */
export function exportFileName(title: string, id: string, step: number | null, ext: 'png' | 'svg'): string {
  const name = slug(title) || slug(id) || 'chart';
  const at = step !== null && Number.isFinite(step) ? `-step-${Math.round(step)}` : '';
  return `${name}${at}.${ext}`;
}
