import type { DiffMark } from '../model/compare';
import { useT } from '../store/hooks';

/** Props of {@link DiffBadge}. */
export interface DiffBadgeProps {
  mark: DiffMark | undefined;
}

/** "new", "changed", "removed" next to an entry in the compare view; nothing otherwise. */
export function DiffBadge({ mark }: DiffBadgeProps) {
  const t = useT();
  if (mark === undefined) return null;
  return (
    <span className={`diff-badge diff-${mark}`} data-diff={mark}>
      {t.diffMarks[mark]}
    </span>
  );
}
