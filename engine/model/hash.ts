import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The content hash of a file's text, `sha256:<hex>`. Pure JavaScript, so the editor in the
 * browser and the server compute the same value for optimistic concurrency and the lock.
 */
export function contentHash(text: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
