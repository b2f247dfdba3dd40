/** One colour per group, the same in every chart of the report; the region is drawn in black. */
import { PALETTE } from '../../cohort/svg';

/** The region's colour. */
export const REGION_COLOR = '#000000';

/** The colour of the `index`-th group of the report. */
export function groupColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}
