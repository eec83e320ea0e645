#!/usr/bin/env bash
# The Debian packages the test suite uses besides npm's (as root, or through sudo):
#   chromium                   renders the HTML report in the browser test
#   pre-commit                 runs the hook of .pre-commit-hooks.yaml against a fixture repository
#   libpython3.11-testsuite    CPython's own tests: the corpus of the cache, concurrency and syntax-error tests
#   python3-pytest             pytest 7.2 (and its iniconfig) for /usr/bin/python3: the oracle of what testaudit collects
#   cmark-gfm                  GitHub's CommonMark renderer: the Markdown report rendered in the output-safety test
set -euo pipefail
packages=(chromium pre-commit libpython3.11-testsuite python3-pytest cmark-gfm)
installed=$(dpkg-query -W -f='${Status}\n' "${packages[@]}" 2>/dev/null | grep -c "install ok installed" || true)
if [ "$installed" -ne "${#packages[@]}" ]; then
  run=()
  if [ "$(id -u)" -ne 0 ]; then
    run=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${run[@]}" apt-get update
  "${run[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
fi
