/**
 * The files a change added or modified since a revision (`--since REV`): what claims about "new",
 * "added", "proposed" or "this session's" tests are measured over. Read from `git diff --name-status
 * REV` (committed and uncommitted changes against REV, renames and copies at their new path, deleted
 * files left out) plus the untracked files git does not ignore, which a session's new tests often are.
 */
import { execFileSync } from "node:child_process";
import { relative, sep } from "node:path";

/** `git` failed: not a repository, an unknown revision (exit code 2, a usage error). */
export class ChangedFilesError extends Error {}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new ChangedFilesError(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

/** Paths relative to `cwd`, with "/", of the files added, modified, renamed or copied since `since`. */
export function changedFiles(cwd: string, since: string): string[] {
  if (since.startsWith("-")) {
    throw new ChangedFilesError(`--since wants a revision, got ${JSON.stringify(since)}`);
  }
  const top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  const fromTop = (path: string): string => relative(cwd, `${top}/${path}`).split(sep).join("/");
  const paths = new Set<string>();
  const diff = git(cwd, ["-c", "core.quotePath=false", "diff", "--name-status", "--no-renames", "-z", since, "--"]);
  const fields = diff.split("\0");
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const status = fields[index]!;
    if (status !== "" && !status.startsWith("D")) {
      paths.add(fromTop(fields[index + 1]!));
    }
  }
  for (const path of git(cwd, ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"]).split("\0")) {
    if (path !== "") {
      paths.add(fromTop(path));
    }
  }
  return [...paths].sort();
}
