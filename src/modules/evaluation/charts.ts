import type { Cell, Table } from './report.js';

/**
 * Bar charts as plain SVG geometry, drawn by views/evaluation/chart.eta (which escapes every label). A hidden
 * count gets no bar at all, only its "<5" or "×": a bar's length would tell the number it hides.
 */
type Bar = { x: number; y: number; width: number; height: number; series: number; label: string; labelX: number; labelY: number };
export type Chart = {
  id: string; title: string; tableId: string; width: number; height: number;
  categories: Array<{ label: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }>;
  bars: Bar[]; legend: Array<{ name: string; series: number; x: number; y: number }>;
  axis: { x1: number; y1: number; x2: number; y2: number };
};

const scaleOf = (cells: Cell[]) => Math.max(1, ...cells.map((c) => c.count ?? 0));

/** One bar per row, drawn sideways: for answers with long labels (how families heard of the day, benefits). */
export function horizontalChart(table: Table, column: number, title: string): Chart {
  const labelWidth = 260;
  const barArea = 340;
  const rowHeight = 30;
  const cells = table.rows.map((r) => r.cells[column]!);
  const max = scaleOf(cells);
  const bars: Bar[] = table.rows.map((row, i) => {
    const c = row.cells[column]!;
    const width = c.count !== undefined ? Math.max(2, (c.count / max) * barArea) : 0;
    const y = 10 + i * rowHeight;
    return { x: labelWidth, y, width, height: rowHeight - 10, series: 0, label: c.text, labelX: labelWidth + width + 6, labelY: y + rowHeight / 2 };
  });
  return {
    id: `chart-${table.id}`, title, tableId: table.id, width: labelWidth + barArea + 60, height: 20 + table.rows.length * rowHeight,
    categories: table.rows.map((row, i) => ({ label: row.label, x: labelWidth - 8, y: 10 + i * rowHeight + rowHeight / 2, anchor: 'end' })),
    bars, legend: [], axis: { x1: labelWidth, y1: 5, x2: labelWidth, y2: 15 + table.rows.length * rowHeight },
  };
}

/** Columns of a table side by side per row: the months of the trend. */
export function groupedChart(table: Table, columns: number[], title: string): Chart {
  const left = 20;
  const groupWidth = 56;
  const plotHeight = 200;
  const top = 40;
  const cells = table.rows.flatMap((r) => columns.map((c) => r.cells[c]!));
  const max = scaleOf(cells);
  const barWidth = (groupWidth - 12) / columns.length;
  const bars: Bar[] = [];
  table.rows.forEach((row, i) => {
    columns.forEach((column, s) => {
      const c = row.cells[column]!;
      const height = c.count !== undefined ? Math.max(2, (c.count / max) * plotHeight) : 0;
      const x = left + i * groupWidth + 6 + s * barWidth;
      bars.push({ x, y: top + plotHeight - height, width: barWidth - 2, height, series: s, label: c.text, labelX: x + (barWidth - 2) / 2, labelY: top + plotHeight - height - 4 });
    });
  });
  return {
    id: `chart-${table.id}`, title, tableId: table.id, width: left + table.rows.length * groupWidth + 20, height: top + plotHeight + 50,
    categories: table.rows.map((row, i) => ({ label: row.label.split(' ')[0]!.slice(0, 3) + ' ' + (row.label.split(' ')[1] ?? '').slice(2), x: left + i * groupWidth + groupWidth / 2, y: top + plotHeight + 20, anchor: 'middle' })),
    bars,
    legend: columns.map((column, s) => ({ name: table.columns[column]!, series: s, x: left + s * 200, y: 16 })),
    axis: { x1: left, y1: top + plotHeight, x2: left + table.rows.length * groupWidth, y2: top + plotHeight },
  };
}
