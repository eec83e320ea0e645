/**
 * Paths as SARIF `artifactLocation.uri` values: RFC 3986 URI references, each path segment
 * percent-encoded (a space, `#`, `%` or `?` in a file name would otherwise fail the schema or name
 * another file), and checked against the RFC's grammar before they are written.
 */
/** RFC 3986 `path-noscheme`/`path-absolute` characters: unreserved, percent-encoded, sub-delims, `:`, `@`, `/`. */
const URI_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/u;

/** A relative path (with `/`) as a relative URI reference. */
export function pathUri(path: string): string {
  // encodeURIComponent leaves `!'()*` as they are: sub-delims, allowed in a segment. A `:` in a first
  // segment would read as a scheme, so it is encoded too (encodeURIComponent does).
  const uri = path.split("/").map(encodeURIComponent).join("/");
  return checked(uri, path);
}

/** An absolute POSIX folder as the `file:` URI a base id names, ending in `/`. */
export function folderUri(folder: string): string {
  const path = folder.endsWith("/") ? folder : `${folder}/`;
  return `file://${pathUri(path)}`;
}

function checked(uriPath: string, original: string): string {
  if (!URI_PATH.test(uriPath)) {
    throw new Error(`cannot write ${JSON.stringify(original)} as an RFC 3986 URI (got ${JSON.stringify(uriPath)})`);
  }
  return uriPath;
}
