/** Plain columns separated by two spaces; `style` may colour a cell after its width is measured. */
export function formatTable(header: string[], rows: string[][], style: (column: number, text: string) => string = (_, t) => t): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], styled: boolean): string =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i]);
        return styled ? padded.replace(cell, style(i, cell)) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(header, false), ...rows.map((r) => line(r, true))].join('\n');
}
