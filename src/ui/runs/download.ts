/** Save text as a file: a Blob behind a temporary <a download>, the one way every browser supports. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: the click's download has taken its own reference by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
