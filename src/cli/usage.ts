/** testaudit's help text. */
export const USAGE = `Usage: testaudit [paths...] [options]
       testaudit verify REPORT [paths...] [options]
       testaudit merge SHARD.json... [options]

Audits the test files ESLint lints with your eslint.config.js and testaudit's rules; with verify,
checks the claims of a written audit report (Markdown or text) against the code.

Exit codes: 0 every audited test complies with every enabled policy (or is exempted); 1 a test or
file is not compliant and not exempted, does not parse or cannot be read, a nested config was found,
or more exemptions than --max-exemptions (verify: a claim is false); 2 a usage or configuration
error; 3 an internal error or the output cannot be written.

Options:
  --format table|json|markdown|sarif|html|github
                                 output format (default: table); github prints workflow annotations
  --output FILE                  write the report to FILE (atomically) instead of standard output
  --group NAME=GLOB              also total the files matching GLOB as NAME (repeatable)
  --config FILE                  use this flat config file for every file (recommended in CI: no
                                 config file inside the audited tree is loaded or run)
  --allow-nested-config          audit the files of config files below the root with those configs;
                                 without it they are audited with the root config and fail the gate
  --max-exemptions N             fail when more than N findings or files are exempted (disables,
                                 eslint-suppressions.json, ignores, narrower nested configs)
  --exit-zero                    exit 0 whatever the verdict (report-only jobs); errors still exit 2 or 3
  --shard I/N                    audit only part I of N of the files (a stable hash partition);
                                 combine the parts' --format json reports with testaudit merge
  --no-progress                  no progress bar (one is drawn on standard error only when
                                 both output streams are a terminal and the audit takes a while)
  --version                      print the version
  --help                         show this help
`;
