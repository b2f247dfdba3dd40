import type { Strings } from '../i18n/strings';
import type { Problem } from '../model/problems';
import { editorStore, useEditor } from '../store/store';
import { useProblems, useT } from '../store/hooks';

/**
 * What a problem says in the interface language. The engine words its lint and schema
 * messages in English; in another language the problem shows what its rule finds, in that
 * language, with the engine's detailed message on hover. The editor's own problems (a JSON
 * condition that does not parse) carry the parser's message as it is.
 */
function problemText(t: Strings, english: boolean, p: Problem): { text: string; detail?: string } {
  if (english || p.source === 'editor') return { text: p.message };
  if (p.source === 'schema') return { text: t.schemaProblem, detail: p.message };
  const summary = (t.lintRules as Partial<Record<string, string>>)[p.rule];
  return summary === undefined ? { text: p.message } : { text: summary, detail: p.message };
}

/** Schema errors and lint findings, updated as the author types; a click shows the place. */
export function ProblemsPanel() {
  const t = useT();
  const problems = useProblems();
  const english = useEditor((s) => s.language) === 'en';
  if (problems.length === 0)
    return (
      <p className="muted" data-testid="no-problems">
        {t.noProblems}
      </p>
    );
  return (
    <ul className="problems" data-testid="problems">
      {problems.map((p) => {
        const { text, detail } = problemText(t, english, p);
        return (
          <li key={p.key} className={`problem ${p.severity}`} data-rule={p.rule}>
            <button
              type="button"
              className="link"
              onClick={() => {
                const store = editorStore.getState();
                if (p.target !== null) store.select(p.target, p.path, true);
              }}
            >
              <span className={`severity ${p.severity}`}>{t.problemSeverities[p.severity]}</span>{' '}
              <code>{p.rule}</code>{' '}
              <span className="problem-message" title={detail}>
                {text}
              </span>
              {p.path !== '' && <span className="problem-path"> — {p.path}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
