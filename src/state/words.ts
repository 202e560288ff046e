/** Lists in running text: "a", "a and b", "a, b and c" (no serial comma, as the app's other sentences). */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}
