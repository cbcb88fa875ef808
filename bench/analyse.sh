#!/usr/bin/env bash
# Benchmark (not a test) of `scr analyse FILE --format json` against jq.
#
#   bench/analyse.sh
#
# Builds the CLI (Release), writes a fictional exchange file (scr-exchange/1) of
# 100,000 reviews with `scr demo exchange` (about 340 MB: children, a decision and
# the Panel's response, a report with its outline and publication,
# recommendations and an action plan each), then times in one run, with
# hyperfine (installed with apt when missing and run as root; otherwise each
# command is timed BENCH_RUNS times here):
#
#   scr-analyse - `scr analyse FILE --format json`: reading and checking every
#                 field of every review (as the import does) and counting every
#                 table of shared/analysis-tables.md
#   jq          - `jq '.reviews | length' FILE`: jq's bare parse of the file
#
# and prints the ratio; the target is at most 0.2 times jq. The analysis reads
# the file as a stream and keeps only counts, so its memory must not grow with
# the number of reviews: the peak memory of a tenth of the file and of the whole
# file is measured with /usr/bin/time when it is there, and the whole file is
# analysed once more with the .NET heap held to BENCH_HEAP_MIB (48) MiB, which
# must give the same tables. Absolute numbers depend on the machine and whatever
# else runs on it; the ratio, measured in the same run, cancels most of that
# out. The results are appended to docs/benchmarks.md.
#
# Tunables: BENCH_REVIEWS (100000), BENCH_RUNS (3), BENCH_WARMUP (1),
# BENCH_HEAP_MIB (48).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
REVIEWS=${BENCH_REVIEWS:-100000}
RUNS=${BENCH_RUNS:-3}
WARMUP=${BENCH_WARMUP:-1}
HEAP_MIB=${BENCH_HEAP_MIB:-48}
REPORT="$ROOT/docs/benchmarks.md"
DLL="$ROOT/src/Scr.Cli/bin/Release/net10.0/scr.dll"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scr-bench-analyse.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Tools ---------------------------------------------------------------------------------
bench_tools hyperfine jq
command -v jq >/dev/null 2>&1 || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }

# --- Build and data ------------------------------------------------------------------------
dotnet build "$ROOT/src/Scr.Cli/Scr.Cli.csproj" -c Release -nologo -v quiet
FILE="$WORK/reviews.json"
TENTH="$WORK/tenth.json"
dotnet "$DLL" demo exchange --reviews "$REVIEWS" --out "$FILE" >&2
dotnet "$DLL" demo exchange --reviews "$((REVIEWS / 10))" --out "$TENTH" >/dev/null
size=$(stat -c %s "$FILE")

SCR="dotnet $DLL analyse $FILE --format json >$WORK/tables.json"
JQ="jq '.reviews | length' $FILE >$WORK/count.txt"

# Once first: standard output must be exactly the JSON of the tables, and jq must count every review.
eval "$SCR"
jq -e '.tables["children-age"].rows | length > 0' "$WORK/tables.json" >/dev/null \
  || { echo "scr analyse did not print the tables' JSON" >&2; exit 1; }
eval "$JQ"
[[ $(cat "$WORK/count.txt") == "$REVIEWS" ]] || { echo "jq counted $(cat "$WORK/count.txt") reviews, not $REVIEWS" >&2; exit 1; }

# --- Memory ----------------------------------------------------------------------------------
peak_tenth="" peak_all="" held="not measured"
if [[ -x /usr/bin/time ]]; then
  peak_tenth=$(/usr/bin/time -f '%M' dotnet "$DLL" analyse "$TENTH" --format json 2>&1 >/dev/null | tail -1)
  peak_all=$(/usr/bin/time -f '%M' dotnet "$DLL" analyse "$FILE" --format json 2>&1 >/dev/null | tail -1)
fi
if DOTNET_GCHeapHardLimit=$(printf '0x%x' $((HEAP_MIB * 1024 * 1024))) dotnet "$DLL" analyse "$FILE" --format json >"$WORK/held.json" 2>"$WORK/held.err" \
  && cmp -s "$WORK/tables.json" "$WORK/held.json"; then
  held="the same tables with the .NET heap held to $HEAP_MIB MiB"
else
  held="FAILED with the .NET heap held to $HEAP_MIB MiB: $(head -c 300 "$WORK/held.err")"
fi

# --- Measure ---------------------------------------------------------------------------------
bench_time "$WORK" "$WARMUP" "$RUNS" scr-analyse "$SCR" jq "$JQ"
mean=("${bench_mean[@]}")
sd=("${bench_sd[@]}")

ratio=$(bench_ratio "${mean[0]}" "${mean[1]}")
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 0.2) ? "within the target (0.2×)" : "OVER the target (0.2×)" }')

# --- Report --------------------------------------------------------------------------------------
commit=$(bench_commit "$ROOT")

table="| | Mean (s) | ± (s) | ÷ jq |
|---|---:|---:|---:|
| \`scr analyse FILE --format json\` | ${mean[0]} | ${sd[0]} | $ratio |
| \`jq '.reviews \| length' FILE\` | ${mean[1]} | ${sd[1]} | 1.00 |"
memory_line="Peak memory of the analysis: ${peak_tenth:+$((peak_tenth / 1024)) MiB for $((REVIEWS / 10)) reviews, }${peak_all:+$((peak_all / 1024)) MiB for $REVIEWS; }$held."

echo
echo "$table"
echo
echo "scr analyse ÷ jq: $ratio ($verdict). $memory_line"

bench_report "$REPORT"
{
  echo
  echo "## Cross-case analysis of an exchange file: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo
  echo "Produced by \`bench/analyse.sh\`: a fictional exchange file of $REVIEWS reviews ($((size / 1024 / 1024)) MiB), each with"
  echo "children, a decision and the Panel's response, a report, recommendations and an action plan. The analysis reads the"
  echo "file as a stream, checks every field as the import does and counts every table; jq only parses it and counts the reviews."
  echo
  echo "Machine: $(bench_machine)."
  echo "Timed with $bench_tool."
  echo
  echo "$table"
  echo
  echo "\`scr analyse\` ÷ jq: **$ratio**, $verdict. $memory_line"
} >>"$REPORT"
echo "Appended to ${REPORT#"$ROOT"/}" >&2
