/**
 * Decodes an object key from an S3 event notification, exactly once: `+` becomes a space first,
 * then percent-escapes are decoded (`bronze/a%2Bb.csv` → `bronze/a+b.csv`,
 * `bronze/100%25+real.csv` → `bronze/100% real.csv`).
 *
 * @param encodedKey - the `s3.object.key` field of a notification record.
 * @returns the key as stored in S3.
 * @throws URIError when the key holds a malformed percent-escape.
 */
export function decodeS3EventKey(encodedKey: string): string {
  return decodeURIComponent(encodedKey.replace(/\+/g, ' '));
}

/**
 * Encodes an object key the way S3 writes it into event notifications (form URL encoding per
 * path segment: space → `+`, `(`→`%28`, non-ASCII as UTF-8 percent-escapes, `/` kept). The
 * inverse of {@link decodeS3EventKey}; the local event router uses it to build real-shaped events.
 *
 * @param key - an object key as stored.
 * @returns the encoded key, e.g. `bronze/customers+2024+%28v2%29.csv`.
 */
export function encodeS3EventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+'),
    )
    .join('/');
}
