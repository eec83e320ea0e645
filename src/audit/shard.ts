/**
 * `--shard I/N`: the files of an audit split into N stable parts by a hash of their relative paths,
 * so the shards of one commit are the same on every machine and together hold every file once; and
 * what a shard report carries so `merge` can tell the shards of one run from a mix.
 */
import { createHash } from "node:crypto";

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard | null {
  const match = /^(\d+)\/(\d+)$/u.exec(value);
  if (!match) {
    return null;
  }
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count ? { index, count } : null;
}

export function inShard(path: string, shard: Shard): boolean {
  const hash = createHash("sha1").update(path).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}

/**
 * A digest of everything that decides a run's results besides the audited files' text: the tool's
 * version, the options, and for every file of the whole run (all shards) its config and the options
 * its policies are judged with. The shards of one run over one commit get the same one.
 */
export function runFingerprint(inputs: unknown): string {
  return createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
}

/** A digest of a sorted list of paths. */
export function fileListDigest(paths: readonly string[]): string {
  const digest = createHash("sha256");
  for (const path of paths) {
    digest.update(`${path}\n`);
  }
  return digest.digest("hex");
}
