/**
 * `--group NAME=GLOB`: a glob matched against paths relative to the working directory exactly as ESLint
 * matches `files`: minimatch with ESLint's options (`**`, `*`, `?`, `[...]` classes, nested `{a,{b,c}}`,
 * `!` negation, dot files matched).
 */
import { Minimatch } from "minimatch";
import { ESLINT_MINIMATCH_OPTIONS } from "./discover.js";

export function groupMatcher(glob: string): (path: string) => boolean {
  const matcher = new Minimatch(glob, ESLINT_MINIMATCH_OPTIONS);
  return (path) => matcher.match(path);
}
