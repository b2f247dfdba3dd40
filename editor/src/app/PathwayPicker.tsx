import { pickText } from '../../../engine/editor';
import { useEditor } from '../store/store';
import { useT } from '../store/hooks';
import { statusName } from '../i18n/strings';

/** Props of {@link PathwayPicker}. */
export interface PathwayPickerProps {
  onOpen(id: string, version: string): void;
}

/** Every pathway and version on the server, with status; a click opens one. */
export function PathwayPicker({ onOpen }: PathwayPickerProps) {
  const t = useT();
  const catalog = useEditor((s) => s.catalog);
  const language = useEditor((s) => s.language);
  const open = useEditor((s) => s.source);
  return (
    <nav className="pathway-picker" data-testid="pathway-picker">
      <h2>{t.pathways}</h2>
      {catalog.map((p) => (
        <div key={p.id} className="picker-pathway">
          <div className="picker-title">{pickText(p.title, language) || p.id}</div>
          <ul>
            {p.versions.map((v) => {
              const current = open?.id === p.id && open.version === v.version;
              return (
                <li key={v.version}>
                  <button
                    type="button"
                    className={`link${current ? ' is-current' : ''}`}
                    data-testid={`open-${p.id}-${v.version}`}
                    onClick={() => onOpen(p.id, v.version)}
                  >
                    {v.version}{' '}
                    <span className={`status ${v.status}`}>{statusName(t, v.status)}</span>
                    {(v.inEffect ?? v.inEffectToday) === true && ' ●'}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
