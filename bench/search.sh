#!/usr/bin/env bash
# Benchmark (not a test) of the learning repository's search against the bare FTS5 query.
#
#   bench/search.sh
#
# Builds the CLI and the site (Release), creates a throwaway SQLite database with
# the demo data plus BENCH_MEGABYTES (100) MiB of generated published reports
# (`scr demo bulk-reports`, indexed by the FTS5 triggers as any report is),
# starts the site in Production on a free loopback port, then for each of 20
# fixed searches times, one at a time:
#
#   search page - BENCH_RUNS requests of /learning?q=WORDS with curl (signed
#                 out): the whole page, its count, facets, highlighted passages
#                 and HTML, as a reader waits for it
#   bare FTS5   - BENCH_RUNS runs of the same MATCH query ranked by the same
#                 bm25 weights, LIMIT the page size, in the sqlite3 command-line
#                 tool on the same database file (its .timer: the query alone,
#                 no process start)
#
# after five untimed passes over all the searches (so that the site runs
# compiled as one that has been up a while does) and BENCH_WARMUP untimed runs
# of each, and reports p50 and p95 over all the
# runs of the 20 searches; target: the page's p95 within 2 times the bare
# query's. Each search's count on the page must equal sqlite3's count of the
# same MATCH, so both run the same query.
#
# Index size: the FTS5 shadow tables of published_reports_search (an
# external-content table: it keeps no copy of the text, which is held once, in
# published_reports) against a bare `fts5(title, text)` table with the same
# tokenizer filled with the same text in a scratch copy of the database. A bare
# FTS5 table stores the text itself (its _content table), so two comparisons are
# reported: index against index (the bare table without its _content), which
# is the target (within 1.3 times); and our index alone against the whole bare
# table, text included (the extra space search costs us, beside what a bare
# table that also holds the text would take).
#
# Absolute numbers depend on the machine and whatever else runs on it; the
# ratios, measured in the same run, cancel most of that out. The results are
# appended to docs/benchmarks.md. All traffic goes to 127.0.0.1.
#
# Tunables: BENCH_MEGABYTES (100), BENCH_RUNS (10), BENCH_WARMUP (2).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
# shellcheck source=scripts/common.sh
source "$ROOT/scripts/common.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
MEGABYTES=${BENCH_MEGABYTES:-100}
RUNS=${BENCH_RUNS:-10}
WARMUP=${BENCH_WARMUP:-2}
PAGE_SIZE=20 # LearningRepository.PageSize
REPORT="$ROOT/docs/benchmarks.md"
CLI="$ROOT/src/Scr.Cli/bin/Release/net10.0/scr.dll"

# The searches: what a reader types, and the FTS5 query ReportSearch.Fts5Query makes of it (every word must match, "or"
# between two allows either, a quoted phrase stays a phrase).
SEARCHES=(
  'neglect' '"neglect"'
  'domestic abuse' '"domestic" AND "abuse"'
  'health visitor' '"health" AND "visitor"'
  '"health visitor"' '"health visitor"'
  'bruising baby' '"bruising" AND "baby"'
  'strategy discussion' '"strategy" AND "discussion"'
  'exploitation or missing' '"exploitation" OR "missing"'
  '"core group"' '"core group"'
  'school absences' '"school" AND "absences"'
  'midwife unborn' '"midwife" AND "unborn"'
  'escalation' '"escalation"'
  'voice of the child' '"voice" AND "of" AND "the" AND "child"'
  'disguised compliance' '"disguised" AND "compliance"'
  'weight loss' '"weight" AND "loss"'
  'alcohol' '"alcohol"'
  'police' '"police"'
  '"return home interview"' '"return home interview"'
  'supervision evidence' '"supervision" AND "evidence"'
  'paediatrician emergency department' '"paediatrician" AND "emergency" AND "department"'
  'thresholds' '"thresholds"'
)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/scr-bench-search.XXXXXX")
app_pid=
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf -- "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Tools ---------------------------------------------------------------------------------
bench_tools sqlite3 curl
for tool in sqlite3 curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done

# --- Build and data ------------------------------------------------------------------------
scr_web_assets
dotnet build "$ROOT/src/Scr.Cli/Scr.Cli.csproj" -c Release -nologo -v quiet
dotnet build "$ROOT/src/Scr.Web/Scr.Web.csproj" -c Release -nologo -v quiet

# The CLI and the site both read this key; Postgres is unset so that nothing switches them away from the throwaway file.
unset ConnectionStrings__Postgres
DB="$WORK/bench.db"
export ConnectionStrings__Sqlite="Data Source=$DB"
dotnet "$CLI" db migrate >/dev/null
dotnet "$CLI" demo seed >/dev/null
dotnet "$CLI" demo bulk-reports --megabytes "$MEGABYTES" | tail -n 1 >&2
reports=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM published_reports')
text_mib=$(sqlite3 "$DB" 'SELECT printf("%.1f", SUM(LENGTH(Title) + LENGTH(Text)) / 1048576.0) FROM published_reports')

# --- Start the site ------------------------------------------------------------------------
PORT=$(scr_free_port 5280)
BASE="http://127.0.0.1:$PORT"
# --contentRoot: the project directory holds appsettings.json and wwwroot.
ASPNETCORE_ENVIRONMENT=Production Security__HttpsOnly=false dotnet "$ROOT/src/Scr.Web/bin/Release/net10.0/Scr.Web.dll" \
  --urls "$BASE" --contentRoot "$ROOT/src/Scr.Web" >"$WORK/app.log" 2>&1 &
app_pid=$!
echo "Waiting for $BASE/health..." >&2
for ((i = 0; ; i++)); do
  if [[ $(scr_http_status "$PORT" /health || true) == 200 ]]; then
    break
  fi
  if ! kill -0 "$app_pid" 2>/dev/null || ((i >= 120)); then
    echo "bench: the site did not answer 200 on /health; its log:" >&2
    tail -n 40 "$WORK/app.log" >&2
    exit 1
  fi
  sleep 0.5
done

# --- Warm up -------------------------------------------------------------------------------
# A site that has been up a while has compiled its code for the searches people make: .NET compiles a method quickly
# first and again, optimised, once it has run often, on a thread of its own. Without this pass the first searches
# timed shared the two processors with that compiling (the site's process used twice the CPU of its requests then).
for ((pass = 0; pass < 5; pass++)); do
  for ((s = 0; s < ${#SEARCHES[@]}; s += 2)); do
    curl -sS --fail -o /dev/null --get --data-urlencode "q=${SEARCHES[s]}" "$BASE/learning"
  done
done

# --- Measure -------------------------------------------------------------------------------
# Times in milliseconds, one a line: every timed run of every search.
: >"$WORK/page.txt"
: >"$WORK/bare.txt"
for ((s = 0; s < ${#SEARCHES[@]}; s += 2)); do
  words=${SEARCHES[s]}
  match=${SEARCHES[s + 1]}
  # The same search both ways: the page's count must be sqlite3's.
  page=$(curl -sS --fail --get --data-urlencode "q=$words" "$BASE/learning")
  on_page=$(grep -oE 'data-testid="total">[0-9]+ reports?' <<<"$page" | grep -oE '[0-9]+' || true)
  counted=$(sqlite3 "$DB" "SELECT COUNT(*) FROM published_reports_search WHERE published_reports_search MATCH '$match'")
  if [[ $on_page != "$counted" ]]; then
    echo "bench: '$words' found ${on_page:-no count} reports on the page but $counted with sqlite3 MATCH '$match'" >&2
    exit 1
  fi
  echo "'$words': $counted reports" >&2

  for ((r = 0; r < WARMUP + RUNS; r++)); do
    took=$(curl -sS --fail -o /dev/null -w '%{time_total}' --get --data-urlencode "q=$words" "$BASE/learning")
    ((r >= WARMUP)) && awk -v t="$took" 'BEGIN { printf "%.3f\n", t * 1000 }' >>"$WORK/page.txt"
  done

  query="SELECT rowid, -bm25(published_reports_search, 10.0, 1.0) FROM published_reports_search WHERE published_reports_search MATCH '$match' ORDER BY bm25(published_reports_search, 10.0, 1.0) LIMIT $PAGE_SIZE;"
  {
    echo '.timer on'
    for ((r = 0; r < WARMUP + RUNS; r++)); do echo "$query"; done
  } >"$WORK/bare.sql"
  # .timer prints "Run Time: real SECONDS user ... sys ..." after each statement; the warm-up runs are dropped.
  sqlite3 "$DB" <"$WORK/bare.sql" | awk -v skip="$WARMUP" '/^Run Time: real/ { if (++n > skip) printf "%.3f\n", $4 * 1000 }' >>"$WORK/bare.txt"
done

# percentile P FILE: the P-th percentile (nearest rank) of the numbers in FILE, in milliseconds to 2 decimals.
percentile() {
  sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR); if (i < (p / 100) * NR) i++; if (i < 1) i = 1; printf "%.2f", v[i] }'
}
page_p50=$(percentile 50 "$WORK/page.txt")
page_p95=$(percentile 95 "$WORK/page.txt")
bare_p50=$(percentile 50 "$WORK/bare.txt")
bare_p95=$(percentile 95 "$WORK/bare.txt")
samples=$(wc -l <"$WORK/page.txt")
p50_ratio=$(bench_ratio "$page_p50" "$bare_p50")
p95_ratio=$(bench_ratio "$page_p95" "$bare_p95")
time_verdict=$(awk -v r="$p95_ratio" 'BEGIN { print (r <= 2) ? "within the target (2×)" : "OVER the target (2×)" }')

# --- Index size ------------------------------------------------------------------------------
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
SCRATCH="$WORK/scratch.db"
sqlite3 "$DB" ".backup '$SCRATCH'"
sqlite3 "$SCRATCH" >/dev/null <<'EOF'
CREATE VIRTUAL TABLE bare USING fts5(title, text, tokenize='porter unicode61');
INSERT INTO bare(rowid, title, text) SELECT Id, Title, Text FROM published_reports;
INSERT INTO bare(bare) VALUES ('optimize');
INSERT INTO published_reports_search(published_reports_search) VALUES ('optimize');
EOF
# size WHERE: bytes of the pages of the tables named, in MiB to 2 decimals (dbstat counts every page a table uses).
size() { sqlite3 "$SCRATCH" "SELECT printf('%.2f', COALESCE(SUM(pgsize), 0) / 1048576.0) FROM dbstat WHERE $1"; }
ours=$(sqlite3 "$DB" "SELECT printf('%.2f', SUM(pgsize) / 1048576.0) FROM dbstat WHERE name LIKE 'published_reports_search%'")
ours_optimised=$(size "name LIKE 'published_reports_search%'")
held=$(size "name = 'published_reports'")
bare_index=$(size "name LIKE 'bare%' AND name <> 'bare_content'")
bare_all=$(size "name LIKE 'bare%'")
index_ratio=$(bench_ratio "$ours" "$bare_index")
optimised_ratio=$(bench_ratio "$ours_optimised" "$bare_index")
whole_ratio=$(bench_ratio "$ours" "$bare_all")
size_verdict=$(awk -v r="$index_ratio" 'BEGIN { print (r <= 1.3) ? "within the target (1.3×)" : "OVER the target (1.3×)" }')

# --- Report --------------------------------------------------------------------------------------
commit=$(bench_commit "$ROOT")
table="| | p50 (ms) | p95 (ms) |
|---|---:|---:|
| \`/learning?q=…\`, signed out (curl) | $page_p50 | $page_p95 |
| bare FTS5 \`MATCH\`, bm25, \`LIMIT $PAGE_SIZE\` (sqlite3 .timer) | $bare_p50 | $bare_p95 |
| page ÷ bare | $p50_ratio | $p95_ratio |

| Index | MiB | ÷ bare index |
|---|---:|---:|
| ours: \`published_reports_search\` shadow tables, as the imports left them (external content: no copy of the text) | $ours | $index_ratio |
| ours after FTS5 \`optimize\` (scratch copy) | $ours_optimised | $optimised_ratio |
| bare \`fts5(title, text)\` after \`optimize\`, without its \`bare_content\` (the index alone) | $bare_index | 1.00 |
| bare \`fts5(title, text)\`, whole (index and its own copy of the text) | $bare_all | |
| the text as the application holds it anyway: the \`published_reports\` table | $held | |"

echo
echo "$table"
echo
echo "Search page p95 ÷ bare query p95: $p95_ratio ($time_verdict). Index ÷ bare index: $index_ratio ($size_verdict); our index ÷ the whole bare table: $whole_ratio."

bench_report "$REPORT"
{
  echo
  echo "## Learning repository search: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo
  echo "Produced by \`bench/search.sh\`: $reports published reports ($text_mib MiB of title and text, generated by"
  echo "\`scr demo bulk-reports --megabytes $MEGABYTES\`) in SQLite; 20 fixed searches, each timed $RUNS times after $WARMUP"
  echo "untimed runs ($samples timed runs a side), one at a time: the search page over HTTP on loopback (the count of all"
  echo "matches, the facets, the page's highlighted passages and the HTML), and the bare FTS5 query (the same MATCH and bm25"
  echo "weights, ordered, LIMIT $PAGE_SIZE, no snippets) in the sqlite3 shell on the same file, its own timer (no process start)."
  echo "Each search found as many reports on the page as sqlite3 counted."
  echo
  echo "Machine: $(bench_machine)."
  echo
  echo "$table"
  echo
  echo "Search page p95 ÷ bare query p95: **$p95_ratio**, $time_verdict. Index ÷ bare index: **$index_ratio**, $size_verdict."
  echo "A bare FTS5 table keeps its own copy of the text; ours is external-content and reads the text from"
  echo "\`published_reports\`, which the application holds in any case, so the search's whole cost in space is our index:"
  echo "$whole_ratio times the whole bare table (index and text)."
} >>"$REPORT"
echo "Appended to ${REPORT#"$ROOT"/}" >&2
