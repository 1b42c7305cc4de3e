// The Containers and Images cells the workload table printers share (printers.go layoutContainerCells).
// Label maps and selectors print with meta/label-selector.ts (formatLabels, formatLabelSelector).

/** The wide Containers and Images cells: names and images joined by commas. */
export function containerCells(containers: Array<{ name: string; image?: string }> | null | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
