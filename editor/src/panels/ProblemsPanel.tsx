import { editorStore } from '../store/store';
import { useProblems, useT } from '../store/hooks';

/** Schema errors and lint findings, updated as the author types; a click shows the place. */
export function ProblemsPanel() {
  const t = useT();
  const problems = useProblems();
  if (problems.length === 0)
    return (
      <p className="muted" data-testid="no-problems">
        {t.noProblems}
      </p>
    );
  return (
    <ul className="problems" data-testid="problems">
      {problems.map((p) => (
        <li key={p.key} className={`problem ${p.severity}`} data-rule={p.rule}>
          <button
            type="button"
            className="link"
            onClick={() => {
              const store = editorStore.getState();
              if (p.target !== null) store.select(p.target, p.path, true);
            }}
          >
            <span className={`severity ${p.severity}`}>{p.severity}</span> <code>{p.rule}</code>{' '}
            {p.message}
            {p.path !== '' && <span className="problem-path"> — {p.path}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
