/**
 * `--shard I/N`: the files of an audit split into N stable parts by a hash of their relative paths,
 * so the shards of one commit are the same on every machine and together hold every file once.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { ESLint } from "eslint";
import { globRegExp } from "./glob.js";

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

/** Files under `directory`, skipping what ESLint always skips (`node_modules`, `.git`). */
function walk(directory: string, into: string[]): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== ".git") {
        walk(path, into);
      }
    } else if (entry.isFile()) {
      into.push(path);
    }
  }
}

/** The files the patterns name (files, folders, or globs relative to `cwd`) that the config audits. */
export async function auditedFiles(eslint: ESLint, cwd: string, patterns: readonly string[]): Promise<string[]> {
  const candidates: string[] = [];
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      candidates.push(path);
    } else if (stat?.isDirectory()) {
      walk(path, candidates);
    } else {
      const glob = globRegExp(pattern);
      const all: string[] = [];
      walk(cwd, all);
      candidates.push(...all.filter((file) => glob.test(relative(cwd, file).split(sep).join("/"))));
    }
  }
  const audited: string[] = [];
  for (const file of [...new Set(candidates)].sort()) {
    if (await eslint.isPathIgnored(file)) {
      continue;
    }
    const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> } | undefined;
    const enabled = Object.entries(config?.rules ?? {}).some(([name, entry]) => name.startsWith("testaudit/") && (Array.isArray(entry) ? entry[0] : entry) !== 0);
    if (enabled) {
      audited.push(file);
    }
  }
  return audited;
}
