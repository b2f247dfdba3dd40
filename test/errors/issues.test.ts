import { describe, expect, it } from 'vitest';
import {
  clipText,
  errorFromIssues,
  MAX_REPORTED_ISSUES,
  PathwayError,
  reportedIssues,
  type ErrorIssue,
} from '../../engine/errors';

const many = (n: number): ErrorIssue[] =>
  Array.from({ length: n }, (_, i) => ({
    code: i === 0 ? 'FACT_TYPE' : 'FACT_VALUE',
    path: `facts.redFlags[${i}]`,
    value: i,
    message: `bad item ${i}`,
  }));

describe('the issues an error reports', () => {
  it('lists the first 100 issues and then one issue saying how many more there were', () => {
    const error = errorFromIssues(many(250_000), 'chronic-pain');
    expect(error.code).toBe('FACT_TYPE');
    expect(error.issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(error.issues[99]).toMatchObject({ path: 'facts.redFlags[99]', message: 'bad item 99' });
    expect(error.issues[100]).toEqual({
      code: 'FACT_VALUE',
      message: 'and 249900 more problems (250000 in all; only the first 100 are listed)',
    });
    expect(error.message.split('\n')).toHaveLength(1 + MAX_REPORTED_ISSUES + 1);
    expect(error.message).toMatch(/^250000 problems:\n {2}facts\.redFlags\[0\]: bad item 0\n/);
    expect(error.message).toMatch(/and 249900 more problems/);
  });

  it('keeps every issue when there are at most 100', () => {
    const error = errorFromIssues(many(MAX_REPORTED_ISSUES));
    expect(error.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(error.issues.some((i) => i.message.startsWith('and '))).toBe(false);
    expect(errorFromIssues(many(1)).message).toBe('facts.redFlags[0]: bad item 0');
  });

  it('caps issues given straight to the constructor too', () => {
    const error = new PathwayError('FACT_TYPE', 'bad', many(101));
    expect(error.issues).toHaveLength(101);
    expect(error.issues[100]?.message).toMatch(/^and 1 more problem \(101 in all/);
  });

  it('cuts a huge name in messages and paths, saying how long it was', () => {
    const name = 'x'.repeat(1_000_000);
    const error = errorFromIssues([
      { code: 'UNKNOWN_FACT', path: `facts.${name}`, value: 1, message: `no fact "${name}"` },
    ]);
    const [issue] = error.issues;
    expect(issue?.message).toBe(`no fact "${'x'.repeat(291)}… (1000010 characters)`);
    expect(issue?.path).toMatch(/… \(1000006 characters\)$/);
    expect(error.message.length).toBeLessThan(1000);
    expect(clipText('short')).toBe('short');
  });

  it('places the summary issue where the first unlisted problem is, in a file', () => {
    const located = many(150).map((issue, i) => ({
      ...issue,
      file: 'p.yaml',
      line: i + 1,
      column: 3,
    }));
    const error = errorFromIssues(located);
    expect(error.issues[100]).toMatchObject({ file: 'p.yaml', line: 101, column: 3 });
    expect(error.issues[100]?.message).toMatch(/^and 50 more problems/);
  });

  it('reports what the constructor would, each long issue clipped once', () => {
    const long = 'x'.repeat(400);
    const issues: ErrorIssue[] = [
      { code: 'UNKNOWN_FACT', path: `facts.${long}`, value: 1, message: `no fact ${long}` },
      ...many(120),
    ];
    const error = errorFromIssues(issues, 'chronic-pain');
    const byConstructor = new PathwayError('UNKNOWN_FACT', 'm', issues, 'chronic-pain');
    expect(error.issues).toEqual(byConstructor.issues);
    expect(error.issues).toEqual(reportedIssues(issues));
    expect(error.issues[0]?.message).toBe(`no fact ${'x'.repeat(292)}… (408 characters)`);
    // Each line of the message is clipped too: the issue's clipped path and message.
    expect(error.message.split('\n')[1]).toBe(
      clipText(`  ${clipText(`facts.${long}`)}: ${clipText(`no fact ${long}`)}`),
    );
    // The input is left as it was.
    expect(issues[0]?.message).toBe(`no fact ${long}`);
  });

  it('reports a list given again to the constructor afresh, after it changed', () => {
    const issues = many(2);
    const first = errorFromIssues(issues);
    issues.push({ code: 'FACT_RANGE', path: 'facts.age', value: 300, message: 'too old' });
    const again = new PathwayError('FACT_TYPE', 'again', issues);
    expect(first.issues).toHaveLength(2);
    expect(again.issues).toHaveLength(3);
    expect(again.issues[2]).toMatchObject({ path: 'facts.age' });
  });
});
