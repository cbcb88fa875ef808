#!/usr/bin/env bash
# Benchmark (not a test) of `scr chronology merge` against sort(1).
#
#   bench/chronology.sh
#
# Publishes the CLI (Release, for this machine's runtime, compiled ahead of
# time as it would be deployed: see src/Scr.Cli/Scr.Cli.csproj), generates 30
# fictional agency chronologies with 100,000 entries in all (CSV in the
# template's columns, each agency's in date order, as agencies write them;
# dates as 2003-01-31 and times as 14:30, so that sort's byte order is date
# order), then times in one run, with hyperfine
# (installed with apt when missing and run as root; otherwise each command is
# timed BENCH_RUNS times here):
#
#   scr-merge-csv  - `scr chronology merge` of the 30 files to CSV: reading,
#                    checking every row, the k-way merge, the gap, child-seen
#                    and discrepancy analysis, and writing
#   scr-merge-xlsx - the same, writing a workbook (for information)
#   sort-m         - `LC_ALL=C sort -m` of the same rows, pre-sorted per
#                    agency, without the header rows
#   sort           - `LC_ALL=C sort` of the concatenation of those rows
#
# and prints the ratios of the merge to CSV to each sort; the target is within
# 3 times `sort` of the concatenation. Absolute numbers depend on the machine
# and whatever else runs on it; the ratios, measured in the same run, cancel
# most of that out. The results are appended to docs/benchmarks.md with a
# description of the machine. The peak memory of one merge is measured with
# /usr/bin/time when it is there.
#
# Tunables: BENCH_AGENCIES (30), BENCH_ENTRIES (100000), BENCH_RUNS (10),
# BENCH_WARMUP (2).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
AGENCIES=${BENCH_AGENCIES:-30}
ENTRIES=${BENCH_ENTRIES:-100000}
RUNS=${BENCH_RUNS:-10}
WARMUP=${BENCH_WARMUP:-2}
REPORT="$ROOT/docs/benchmarks.md"
RID=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
DLL="$ROOT/src/Scr.Cli/bin/Release/net10.0/$RID/publish/scr.dll"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scr-bench-chronology.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- hyperfine -----------------------------------------------------------------------
bench_tools hyperfine

# --- Build -----------------------------------------------------------------------------
dotnet publish "$ROOT/src/Scr.Cli/Scr.Cli.csproj" -c Release -r "$RID" --self-contained false -nologo -v quiet

# --- Data --------------------------------------------------------------------------------
# awk, so that nothing else is needed: a fixed seed, so every run merges the same
# files. Each agency's entries go forward in time in random steps over five
# years, at quarter hours (so agencies meet at the same time now and then); the
# first entry of a day is sometimes untimed, which the template's order and
# sort's byte order both put first in the day.
mkdir -p "$WORK/agencies" "$WORK/rows"
awk -v agencies="$AGENCIES" -v entries="$ENTRIES" -v dir="$WORK" '
function civil(day,    y, m, dim) {
  y = 2000
  while (day >= (y % 4 == 0 ? 366 : 365)) { day -= (y % 4 == 0 ? 366 : 365); y++ }
  split("31 28 31 30 31 30 31 31 30 31 30 31", dim, " ")
  if (y % 4 == 0) dim[2] = 29
  for (m = 1; day >= dim[m]; m++) day -= dim[m]
  return sprintf("%04d-%02d-%02d", y, m, day + 1)
}
function pick(list, n) { return list[int(rand() * n) + 1] }
BEGIN {
  srand(20030131)
  names = "Police|Children'\''s social care|Health visiting|GP practice|Emergency department|Midwifery|Primary school|Nursery|Housing|Probation|CAMHS|Adult mental health|Drug and alcohol service|Youth offending service|Domestic abuse service|Ambulance service|Paediatrics|School nursing|Early help|Family support|Children'\''s centre|Education welfare|Fire and rescue|Sexual health|Dental practice|Pharmacy|Out of hours GP|Minor injuries unit|Community paediatrics|Advocacy service"
  na = split(names, agency, "|")
  nt = split("Home visit|Office visit|Phone|Letter or email|Meeting|Strategy discussion|Case conference|Supervision|Referral|Assessment|Court|Other", type, "|")
  nr = split("Duty social worker|Health visitor|Police constable|Team manager|Class teacher|Nurse|Doctor|Support worker|Key worker|Practitioner", role, "|")
  nf = split("Mother|Mother; child|Mother; father; child|Child|Father|Mother; partner|Grandmother; child", family, "|")
  ns = split("Yes|No|Not recorded|Not recorded", seen, "|")
  nw = split("Home was cold and there was little food; mother said money was short this week, and she was waiting for benefits.|Child had a bruise on the left cheek; mother said he fell at the park. Advice given on safety at home.|Telephone call about missed appointments; mother said she had no credit for her phone and could not get there.|Discussed concerns about the partner'\''s drinking and the arguments the neighbours reported, and agreed to visit again.|Letter sent offering an appointment at the clinic, as the last two were missed without a reason being given.", what, "|")
  header = "Date,Time,Agency,Practitioner role,Contact type,Who was present,Child seen,Child'\''s wishes and feelings,What the child said or showed,What happened,Decision or action,Source document"
  span = 5 * 365 * 96   # quarter hours in five years
  for (a = 1; a <= agencies; a++) {
    name = agency[(a - 1) % na + 1] (a > na ? " " int((a - 1) / na + 1) : "")
    count = int(entries / agencies) + (a <= entries % agencies ? 1 : 0)
    file = sprintf("%s/agencies/agency-%02d.csv", dir, a)
    rows = sprintf("%s/rows/agency-%02d.csv", dir, a)
    print header > file
    t = 0; lastday = -1
    for (i = 1; i <= count; i++) {
      t += int(rand() * 2 * span / count)
      day = int(t / 96); q = t % 96
      date = civil(day)
      time = (day != lastday && rand() < 0.3) ? "" : sprintf("%02d:%02d", int(q / 4), (q % 4) * 15)
      lastday = day
      present = pick(family, nf)
      if (rand() < 0.2) present = present "; " agency[int(rand() * na) + 1]
      wishes = rand() < 0.1
      line = date "," time "," name "," pick(role, nr) "," pick(type, nt) "," present "," pick(seen, ns) "," (wishes ? "Recorded" : "Not recorded") "," \
        (wishes ? "\"Said she wanted to stay at home, and that she was scared when they shouted\"" : "") ",\"" pick(what, nw) "\"," \
        "\"Visit again within two weeks; share with the health visitor\"," name " record " i
      print line > file
      print line > rows
    }
    close(file); close(rows)
  }
}'
size=$(du -cb "$WORK"/agencies/*.csv | tail -1 | cut -f1)
echo "Generated $AGENCIES agency files, $ENTRIES entries, $((size / 1024 / 1024)) MiB" >&2

SCR_CSV="dotnet $DLL chronology merge $WORK/agencies/*.csv --out $WORK/merged.csv"
SCR_XLSX="dotnet $DLL chronology merge $WORK/agencies/*.csv --out $WORK/merged.xlsx"
SORT_M="LC_ALL=C sort -m -o $WORK/sort-m.csv $WORK/rows/*.csv"
SORT="LC_ALL=C sort -o $WORK/sort.csv $WORK/rows/*.csv"

# One merge first: it must succeed, and it shows what the analysis found.
eval "$SCR_CSV" >"$WORK/summary.txt" 2>"$WORK/progress.txt" || { cat "$WORK/progress.txt" >&2; exit 1; }
head -n 3 "$WORK/summary.txt" >&2
merged_rows=$(($(wc -l <"$WORK/merged.csv") - 1))
peak=""
if [[ -x /usr/bin/time ]]; then
  peak=$(/usr/bin/time -f '%M' bash -c "$SCR_CSV >/dev/null 2>&1" 2>&1 | tail -1)
fi

# --- Measure ---------------------------------------------------------------------------------
# The merge prints its progress on standard error: the timing discards both streams of the commands it times.
bench_time "$WORK" "$WARMUP" "$RUNS" scr-merge-csv "$SCR_CSV" scr-merge-xlsx "$SCR_XLSX" sort-m "$SORT_M" sort "$SORT"
mean=("${bench_mean[@]}")
sd=("${bench_sd[@]}")

to_sort=$(bench_ratio "${mean[0]}" "${mean[3]}")
to_merge=$(bench_ratio "${mean[0]}" "${mean[2]}")
xlsx_to_sort=$(bench_ratio "${mean[1]}" "${mean[3]}")
verdict=$(awk -v r="$to_sort" 'BEGIN { print (r <= 3) ? "within the target (3×)" : "OVER the target (3×)" }')

# --- Report --------------------------------------------------------------------------------------
commit=$(bench_commit "$ROOT")

table="| | Mean (s) | ± (s) | ÷ sort |
|---|---:|---:|---:|
| \`scr chronology merge\`, to CSV | ${mean[0]} | ${sd[0]} | $to_sort |
| \`scr chronology merge\`, to XLSX | ${mean[1]} | ${sd[1]} | $xlsx_to_sort |
| \`LC_ALL=C sort -m\` of the rows pre-sorted per agency | ${mean[2]} | ${sd[2]} | $(bench_ratio "${mean[2]}" "${mean[3]}") |
| \`LC_ALL=C sort\` of the concatenation | ${mean[3]} | ${sd[3]} | 1.00 |"

echo
echo "$table"
echo
echo "Merge to CSV ÷ sort of the concatenation: $to_sort ($verdict); ÷ sort -m: $to_merge."

bench_report "$REPORT"
{
  echo
  echo "## Chronology merge: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo
  echo "Produced by \`bench/chronology.sh\`: $AGENCIES fictional agency chronologies, $ENTRIES entries in all ($((size / 1024 / 1024)) MiB of CSV),"
  echo "each agency's in date order; the merge reads and checks every row, merges them, writes the integrated chronology and"
  echo "works out the gaps, child-seen figures and discrepancies; sort(1) only orders the same rows by their bytes."
  echo
  echo "Machine: $(bench_machine)."
  echo "Timed with $bench_tool."
  echo
  echo "$table"
  echo
  echo "Merge to CSV ÷ \`sort\` of the concatenation: **$to_sort**, $verdict; ÷ \`sort -m\`: $to_merge."
  echo "The merged file has $merged_rows entries${peak:+; one merge peaks at $((peak / 1024)) MiB of memory}."
} >>"$REPORT"
echo "Appended to ${REPORT#"$ROOT"/}" >&2
