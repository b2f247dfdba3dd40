import { compareTwoVersions } from '../store/actions';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { statusName } from '../i18n/strings';

function report(error: unknown): void {
  editorStore.getState().setNotice(error instanceof Error ? error.message : String(error));
}

/**
 * "Compare with …": picks another version of the open pathway to compare the open one
 * with; while comparing, closes the comparison. Both versions can then be changed in the
 * changes panel.
 */
export function CompareControl() {
  const t = useT();
  const source = useEditor((s) => s.source);
  const entry = useEditor((s) => s.catalog.find((p) => p.id === s.source?.id));
  const comparing = useEditor((s) => s.compare !== null);
  if (source === null) return null;
  if (comparing)
    return (
      <button
        type="button"
        data-testid="close-compare"
        onClick={() => editorStore.getState().stopCompare()}
      >
        {t.closeCompare}
      </button>
    );
  const others = (entry?.versions ?? []).filter((v) => v.version !== source.version);
  return (
    <select
      data-testid="compare-with"
      aria-label={t.compareWith}
      value=""
      disabled={others.length === 0}
      onChange={(e) => {
        if (e.target.value !== '')
          compareTwoVersions(editorStore, source.version, e.target.value).catch(report);
      }}
    >
      <option value="">{t.compareWith}</option>
      {others.map((v) => (
        <option key={v.version} value={v.version}>
          {v.version} ({statusName(t, v.status)})
        </option>
      ))}
    </select>
  );
}
