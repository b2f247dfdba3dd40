import { describe, expect, it } from 'vitest';
import { mebibytes } from '../../engine/model/size';

describe('sizes in MiB', () => {
  it('writes whole MiB plainly and others with one decimal', () => {
    expect(mebibytes(64 * 1024 * 1024)).toBe('64');
    expect(mebibytes(65 * 1024 * 1024)).toBe('65');
    expect(mebibytes(1.25 * 1024 * 1024)).toBe('1.3');
    expect(mebibytes(1.2 * 1024 * 1024)).toBe('1.2');
  });
});
