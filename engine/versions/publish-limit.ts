/**
 * The largest publish request, in bytes: 64 MiB. A publish body may carry a whole patients
 * file (NDJSON) to check the impact on, which a health centre's population easily takes past
 * the service's 1 MiB limit of every other route. Shared by the HTTP route (its body limit) and
 * the editor (which refuses a larger file before sending it, in the author's language). Pure.
 */
export const PUBLISH_BODY_LIMIT = 64 * 1024 * 1024;
