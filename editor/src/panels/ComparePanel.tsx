import { useMemo } from 'react';
import { diffHeadline } from '../../../engine/editor';
import { diffEntryTexts } from '../model/compare';
import { compareTwoVersions } from '../store/actions';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { statusName } from '../i18n/strings';

const MARK_CLASS = { '+': 'added', '-': 'removed', '~': 'changed' } as const;

function report(error: unknown): void {
  editorStore.getState().setNotice(error instanceof Error ? error.message : String(error));
}

/**
 * The semantic diff of the two compared versions, in the interface language, as
 * engine/diff words it. Clicking an entry selects what it is about on the canvas or in the
 * side panel. Either version can be changed here.
 */
export function ComparePanel() {
  const t = useT();
  const compare = useEditor((s) => s.compare);
  const focused = useEditor((s) => s.focusedEntry);
  const language = useEditor((s) => s.language);
  const versions = useEditor((s) => s.catalog.find((p) => p.id === s.source?.id)?.versions);
  const diff = compare?.diff;
  const texts = useMemo(
    () => (diff === undefined ? [] : diffEntryTexts(diff, language)),
    [diff, language],
  );
  if (compare === null || diff === undefined) return null;
  // The open version may be a new draft the server does not list yet.
  const listed = versions ?? [];
  const choices = [
    ...listed,
    ...[compare.older.version, compare.newer.version]
      .filter((v, i, all) => all.indexOf(v) === i && !listed.some((l) => l.version === v))
      .map((version) => ({ version, status: '' })),
  ];
  const pick = (side: 'older' | 'newer', version: string): void => {
    const other = side === 'older' ? compare.newer.version : compare.older.version;
    compareTwoVersions(editorStore, version, other).catch(report);
  };
  const picker = (side: 'older' | 'newer', label: string) => (
    <label className="field-row">
      {label}
      <select
        data-testid={`compare-${side}`}
        value={compare[side].version}
        onChange={(e) => pick(side, e.target.value)}
      >
        {choices.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version} {v.status === '' ? '' : `(${statusName(t, v.status)})`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="compare-panel" data-testid="compare-panel">
      <div className="compare-head">
        {picker('older', t.olderVersion)}
        {picker('newer', t.newerVersion)}
        <strong data-testid="compare-headline">{diffHeadline(diff, language)}</strong>
      </div>
      <ol className="diff-entries" data-testid="diff-entries">
        {texts.map((lines, i) => {
          const entry = diff.entries[i];
          if (entry === undefined) return null;
          const [head = '', ...details] = lines;
          const mark = MARK_CLASS[head.charAt(0) as keyof typeof MARK_CLASS] ?? 'changed';
          return (
            <li
              key={`${entry.kind}:${i}`}
              className={`diff-entry diff-${mark}${focused === i ? ' is-focused' : ''}`}
              data-testid={`diff-entry-${i}`}
              data-kind={entry.kind}
            >
              <button
                type="button"
                className="link"
                onClick={() => editorStore.getState().focusEntry(i)}
              >
                <span className="diff-head">{head}</span>
                {details.map((line, j) => (
                  <span key={j} className="diff-detail">
                    {line}
                  </span>
                ))}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
