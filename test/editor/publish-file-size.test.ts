import { describe, expect, it } from 'vitest';
import { PUBLISH_BODY_LIMIT } from '../../engine/editor';
import { overPublishLimit, PUBLISH_LIMIT_MIB } from '../../editor/src/publish/file-size';
import { PUBLISH_STRINGS } from '../../editor/src/i18n/publish-strings';

describe('the publish dialog size check of a patients file', () => {
  it('takes a file up to the route limit and refuses one byte more', () => {
    expect(overPublishLimit(PUBLISH_BODY_LIMIT)).toBe(false);
    expect(overPublishLimit(PUBLISH_BODY_LIMIT + 1)).toBe(true);
    expect(overPublishLimit(1.2 * 1024 * 1024)).toBe(false);
  });

  it('writes the limit in MiB as the message gives it', () => {
    expect(PUBLISH_LIMIT_MIB).toBe('64');
  });

  it('names the file size and the limit in every interface language, or the limit alone', () => {
    for (const words of Object.values(PUBLISH_STRINGS)) {
      expect(words.patientsFileTooLarge('65', '64')).toMatch(/65 MiB.*64 MiB/);
      expect(words.patientsFileTooLarge(undefined, '64')).not.toMatch(/\(/);
    }
  });
});
