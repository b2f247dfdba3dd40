/**
 * The publish dialog's size check of a patients file. The file travels in the publish request,
 * whose body the service takes up to {@link PUBLISH_BODY_LIMIT}; a larger file is refused here,
 * before it is read or sent, so the author hears why in their own language instead of waiting
 * for the server's 413.
 */
import { mebibytes, PUBLISH_BODY_LIMIT } from '../../../engine/editor';

/** True when a file of `bytes` cannot be sent with a publication (over the route's limit). */
export function overPublishLimit(bytes: number): boolean {
  return bytes > PUBLISH_BODY_LIMIT;
}

/** The limit in MiB, for the message. */
export const PUBLISH_LIMIT_MIB = mebibytes(PUBLISH_BODY_LIMIT);
