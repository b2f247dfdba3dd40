/**
 * Sizes in words a reader can compare: `bytes` in MiB, whole numbers as they are, else with one
 * decimal (`65`, `1.3`). The service's 413 answers and the editor's publish dialog write sizes
 * this way. Pure.
 */
export function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
}
