import { useState } from 'react';
import { isDirty } from '../store/document';
import { reloadFromDisk } from '../store/actions';
import { editorStore, useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { usePublishT } from '../publish/use-words';
import { ConflictDialogPart } from '../parts/parts';

/** Says what the open version is: frozen (read-only), a new unsaved draft, a conflict, a notice. */
export function Banner() {
  const t = useT();
  const status = useEditor((s) => s.pathway?.status);
  const readOnly = useEditor((s) => s.readOnly);
  const isNew = useEditor((s) => s.source !== null && s.source.baseHash === null);
  const copiedFrom = useEditor((s) => s.source?.copiedFrom);
  const version = useEditor((s) => s.source?.version);
  const p = usePublishT();
  const [merging, setMerging] = useState(false);
  const saveState = useEditor((s) => s.saveState);
  const saveMessage = useEditor((s) => s.saveMessage);
  const notice = useEditor((s) => s.notice);
  const dirty = useEditor(isDirty);
  const older = useEditor((s) => s.compare?.older.version ?? null);
  const newer = useEditor((s) => s.compare?.newer.version ?? null);
  const compared = older !== null && newer !== null;
  if (status === undefined) return null;
  return (
    <div className="banners">
      {compared && (
        <div className="banner compare" role="status" data-testid="compare-banner">
          {t.compareBanner(older, newer)}{' '}
          <button type="button" onClick={() => editorStore.getState().stopCompare()}>
            {t.closeCompare}
          </button>
        </div>
      )}
      {readOnly && !compared && (
        <div className="banner frozen" role="status" data-testid="frozen-banner">
          {t.frozenBanner(status)}
        </div>
      )}
      {!readOnly && isNew && (
        <div className="banner draft" role="status" data-testid="new-draft-banner">
          {copiedFrom === undefined || version === undefined
            ? t.newDraftBanner
            : p.newDraftFrom(version, copiedFrom)}
        </div>
      )}
      {(saveState === 'conflict' || saveState === 'error') && saveMessage !== null && (
        <div className="banner error" role="alert" data-testid="save-error">
          {saveMessage}{' '}
          {saveState === 'conflict' && (
            <>
              <button
                type="button"
                data-testid="show-conflict"
                className="primary"
                onClick={() => setMerging(true)}
              >
                {p.showConflict}
              </button>{' '}
              <button
                type="button"
                onClick={() => void reloadFromDisk(editorStore, window.localStorage)}
              >
                {t.reloadFromDisk}
              </button>
            </>
          )}
          {merging && <ConflictDialogPart.Component onClose={() => setMerging(false)} />}
        </div>
      )}
      {notice !== null && (
        <div className="banner notice" role="status" data-testid="notice">
          {notice}{' '}
          {dirty && !compared && notice === t.restoredBanner && (
            <button
              type="button"
              onClick={() => void reloadFromDisk(editorStore, window.localStorage)}
            >
              {t.discardLocal}
            </button>
          )}
          <button
            type="button"
            className="link"
            aria-label="×"
            onClick={() => editorStore.getState().setNotice(null)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
