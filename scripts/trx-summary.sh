#!/usr/bin/env bash
# Sums the results of TRX files (xunit's --report-xunit-trx) and prints
#
#   N passed, N failed            or   N passed, N failed, N skipped
#
# after a line "failed: NAME" on standard error for each failed test.
#
# Usage: scripts/trx-summary.sh FILE.trx...
# Exit status: 0 when nothing failed and at least one test ran, 1 when a test
# failed (or a file has no results), 2 when no test ran at all.
#
# Each TRX file has one element like
#   <Counters total="12" executed="11" passed="10" failed="1" error="0"
#             timeout="0" aborted="0" ... notExecuted="0" ... />
# Only grep/sed/tr are used, since neither xmllint nor python can be assumed.
# VSTest leaves skipped tests out of `executed` and does not always count them
# in `notExecuted`, so skipped is derived: total - passed - failed.
set -euo pipefail

total=0 passed=0 failed=0 broken=0
failed_names=()

# counter ATTRIBUTE COUNTERS_ELEMENT: the attribute's number, 0 when absent.
# The leading space keeps `passed` from matching `passedButRunAborted`.
counter() {
  local value
  value=$(sed -n "s/.* $1=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$2")
  printf '%s\n' "${value:-0}"
}

for file in "$@"; do
  # The element may be split over lines; flatten the file first.
  if ! counters=$(tr '\r\n' '  ' <"$file" | grep -o '<Counters [^>]*>' | head -n 1) || [[ -z $counters ]]; then
    echo "trx-summary: no <Counters> in $file" >&2
    broken=$((broken + 1))
    continue
  fi
  t=$(counter total "$counters")
  p=$(counter passed "$counters")
  # error, timeout and aborted are failures too (VSTest rarely sets them).
  f=$(($(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
  # The names of failed tests, so a CI log that keeps only its tail still says what broke.
  while IFS= read -r name; do
    [[ -n $name ]] && failed_names+=("$name")
  done < <(tr '\r\n' '  ' <"$file" | grep -o '<UnitTestResult [^>]*outcome="\(Failed\|Error\|Timeout\|Aborted\)"[^>]*>' |
    sed -n 's/.* testName="\([^"]*\)".*/\1/p' || true)
  total=$((total + t))
  passed=$((passed + p))
  failed=$((failed + f))
done

skipped=$((total - passed - failed))
((skipped < 0)) && skipped=0

for name in "${failed_names[@]}"; do
  echo "failed: $name" >&2
done

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
printf '%s\n' "$summary"

if ((failed > 0 || broken > 0)); then
  exit 1
fi
if ((passed + failed == 0)); then
  exit 2
fi
exit 0
