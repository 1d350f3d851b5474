/** Word wrap by characters (NFC code points), breaking over-long words, for fixed-pitch printer fonts. */
export function wrapText(text: string, columns: number): string[] {
  const width = Math.max(1, columns);
  const words = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while ([...word].length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
    }
    if (!word) continue;
    const candidate = line ? `${line} ${word}` : word;
    if ([...candidate].length <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
