import { describe, expect, it } from 'vitest';
import type { Pathway } from '../../engine/model/types';
import {
  choosePinned,
  chooseVersion,
  outOfEffect,
  withCommandLine,
  type VersionFile,
} from '../../engine/service/versions';
import { miniPathway } from '../fixtures/pathways';

function file(overrides: Partial<Pathway>): VersionFile {
  const pathway = miniPathway(overrides);
  return { pathway, hash: `sha256:${pathway.version}`, key: `mini/${pathway.version}.yaml` };
}

const versions = [
  file({
    version: '1.0.0',
    status: 'retired',
    effective: { from: '2025-01-01', to: '2026-07-01' },
  }),
  file({ version: '1.1.0', status: 'active', effective: { from: '2026-07-01' } }),
  file({ version: '2.0.0', status: 'draft', effective: { from: '2027-01-01' } }),
];
const today = (): string => '2026-11-23';

describe('which version answers', () => {
  it('takes the version in effect on asOf, and today when the request has no asOf', () => {
    expect(chooseVersion(versions, { asOf: '2026-06-30' }, today).version.pathway.version).toBe(
      '1.0.0',
    );
    expect(chooseVersion(versions, {}, today)).toMatchObject({
      asOf: '2026-11-23',
      version: { pathway: { version: '1.1.0' } },
    });
  });

  it('lets an explicit version win over the effective dates, drafts included, on the date asked', () => {
    const chosen = chooseVersion(versions, { version: '2.0.0', asOf: '2026-06-30' }, today);
    expect([chosen.version.pathway.version, chosen.asOf]).toEqual(['2.0.0', '2026-06-30']);
    expect(outOfEffect(chosen)).toContain('is a draft');
    expect(outOfEffect(chooseVersion(versions, {}, today))).toBeUndefined();
  });

  it('treats a named file as the explicit version, and refuses a request naming another', () => {
    const [old] = versions;
    if (old === undefined) throw new Error('fixture');
    expect(choosePinned(old, { asOf: '2026-11-01' }, today).asOf).toBe('2026-11-01');
    expect(() => choosePinned(old, { version: '1.1.0' }, today)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_VERSION' }),
    );
  });

  it('refuses with CONFLICTING_INPUT when the command line and the input disagree, and merges when they agree', () => {
    expect(() =>
      withCommandLine({ facts: {}, asOf: '2026-06-30' }, { asOf: '2026-11-01' }, 'p.json'),
    ).toThrow(expect.objectContaining({ code: 'CONFLICTING_INPUT' }));
    expect(
      withCommandLine({ facts: {}, asOf: '2026-06-30' }, { asOf: '2026-06-30', version: '1.0.0' }),
    ).toEqual({ facts: {}, asOf: '2026-06-30', version: '1.0.0' });
  });
});
