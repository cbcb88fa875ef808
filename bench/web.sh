#!/usr/bin/env bash
# Benchmark (not a test) of the signed-in case list against /health.
#
#   bench/web.sh
#
# Builds Release, creates a throwaway SQLite database with the demo data plus
# 1,000 fictional cases in the demo board and 10,000 chronology entries on its
# review under way, starts the site in Production on a free loopback port,
# signs in as the demo business unit officer, then measures with wrk (2
# threads, 32 connections, 20 s each, after a short warm-up):
#
#   /health  - the cheapest request the same process serves
#   /cases   - the case list, authenticated
#
# and, one request at a time (1 thread, 1 connection: the time one reader
# waits), /health and the first page of the integrated chronology of the
# 10,000 entries with its analysis panels (target: under 300 ms).
#
# Absolute numbers depend on the machine and whatever else runs on it; the
# ratios case list / health measured in the same run cancel most of that out,
# and are what to compare between runs. Results are printed and appended to
# docs/benchmarks.md with a description of the machine.
#
# All traffic goes to 127.0.0.1. Tunables: BENCH_DURATION (20s), BENCH_WARMUP
# (5s), BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_CASES (1000),
# BENCH_CHRONOLOGY (10000).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
# shellcheck source=scripts/common.sh
source scripts/common.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-5s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
CASES=${BENCH_CASES:-1000}
CHRONOLOGY=${BENCH_CHRONOLOGY:-10000}
OFFICER=officer@northbridge.example
REPORT="$ROOT/docs/benchmarks.md"

# --- Cleanup: stop the app and delete the database whatever happens --------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/scr-bench.XXXXXX")
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

# --- wrk ---------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  if ((EUID != 0)); then
    echo "bench: wrk is missing; run as root, or: apt-get install wrk" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
fi

# --- Build and data ------------------------------------------------------------------
scr_web_assets
dotnet build Scr.slnx -c Release -nologo -v quiet

# The CLI and the app both read this configuration key; Postgres is unset so
# that nothing switches them away from the throwaway SQLite file.
unset ConnectionStrings__Postgres
export ConnectionStrings__Sqlite="Data Source=$WORK/bench.db"
export SCR_CONFIGURATION=Release # ./scr runs the Release build just made
./scr db migrate
./scr demo seed >/dev/null
./scr demo bulk-cases --count "$CASES"
# The last line names the page: "Added N fictional chronology entries: /cases/ID/chronology".
chronology=$(./scr demo bulk-chronology --entries "$CHRONOLOGY" | tail -n 1 | grep -oE '/cases/[0-9a-f-]+/chronology$' || true)
if [[ -z $chronology ]]; then
  echo "bench: ./scr demo bulk-chronology did not name the chronology's page" >&2
  exit 1
fi

# --- Start the site ------------------------------------------------------------------------
PORT=$(scr_free_port 5180)
BASE="http://127.0.0.1:$PORT"
# --contentRoot: the project directory holds appsettings.json and wwwroot (the
# build output has no wwwroot outside a publish).
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

# `./scr demo session` prints one line, "Cookie: NAME=VALUE", for a session of
# the demo user signed in on this server.
cookie=$(./scr demo session "$OFFICER" --url "$BASE" | grep -m 1 '^Cookie: ' || true)
if [[ -z $cookie ]]; then
  echo "bench: ./scr demo session printed no 'Cookie: ' line" >&2
  exit 1
fi
# wrk only flags status codes of 400 and above, so a redirect to the sign-in
# page would be benchmarked silently: make sure the cookie really works.
status=$(scr_http_status "$PORT" /cases "$cookie" || true)
if [[ $status != 200 ]]; then
  echo "bench: GET /cases with the session cookie answered '${status:-nothing}', not 200" >&2
  tail -n 20 "$WORK/app.log" >&2
  exit 1
fi

# --- Measure -------------------------------------------------------------------------------
# run_wrk NAME PATH [HEADER]: warm-up run (JIT, caches; discarded), then the
# measured run, whose output is saved as $WORK/NAME.txt.
run_wrk() {
  local name=$1 path=$2 header=${3:-}
  local -a args=(-t "$THREADS" -c "$CONNECTIONS" --latency)
  [[ -n $header ]] && args+=(-H "$header")
  echo "wrk $path: warm-up $WARMUP, then $DURATION" >&2
  wrk "${args[@]}" -d "$WARMUP" "$BASE$path" >/dev/null
  wrk "${args[@]}" -d "$DURATION" "$BASE$path" | tee "$WORK/$name.txt" >&2
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$WORK/$name.txt"; then
    echo "bench: warning: $path had errors (see above)" >&2
  fi
}

# requests_per_second FILE and p99_ms FILE read wrk's report; wrk prints
# latencies with a unit (us, ms, s, m), converted here to milliseconds.
requests_per_second() {
  awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$1"
}
p50_ms() { percentile_ms 50% "$1"; }
p99_ms() { percentile_ms 99% "$1"; }
percentile_ms() {
  awk -v at="$1" '$1 == at {
    v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : (unit == "h") ? 3600000 : -1
    if (f < 0) { print "unknown unit " unit > "/dev/stderr"; exit 1 }
    printf "%.2f\n", v * f
  }' "$2"
}

# run_one NAME PATH [HEADER]: one request at a time, for the time one reader
# waits (warm-up discarded); saved as $WORK/NAME.txt.
run_one() {
  local name=$1 path=$2 header=${3:-}
  local -a args=(-t 1 -c 1 --latency)
  [[ -n $header ]] && args+=(-H "$header")
  echo "wrk $path, one at a time: warm-up $WARMUP, then $DURATION" >&2
  wrk "${args[@]}" -d "$WARMUP" "$BASE$path" >/dev/null
  wrk "${args[@]}" -d "$DURATION" "$BASE$path" | tee "$WORK/$name.txt" >&2
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$WORK/$name.txt"; then
    echo "bench: warning: $path had errors (see above)" >&2
  fi
}

run_wrk health /health
run_wrk cases /cases "$cookie"
status=$(scr_http_status "$PORT" "$chronology" "$cookie" || true)
if [[ $status != 200 ]]; then
  echo "bench: GET $chronology answered '${status:-nothing}', not 200" >&2
  exit 1
fi
run_one health1 /health
run_one chronology "$chronology" "$cookie"

health_rps=$(requests_per_second "$WORK/health.txt")
health_p99=$(p99_ms "$WORK/health.txt")
cases_rps=$(requests_per_second "$WORK/cases.txt")
cases_p99=$(p99_ms "$WORK/cases.txt")
one_health_p50=$(p50_ms "$WORK/health1.txt")
one_health_p99=$(p99_ms "$WORK/health1.txt")
chronology_p50=$(p50_ms "$WORK/chronology.txt")
chronology_p99=$(p99_ms "$WORK/chronology.txt")
if [[ -z $health_rps || -z $health_p99 || -z $cases_rps || -z $cases_p99 || -z $chronology_p50 || -z $chronology_p99 ]]; then
  echo "bench: could not read wrk's results" >&2
  exit 1
fi
rps_ratio=$(awk -v a="$cases_rps" -v b="$health_rps" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }')
p99_ratio=$(awk -v a="$cases_p99" -v b="$health_p99" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')

# --- Report ------------------------------------------------------------------------------------
cpu=$(grep -m 1 -E '^(model name|Model)[[:space:]]*:' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
  commit+=" (with uncommitted changes)"
fi

table="| | Requests/s | p99 latency (ms) |
|---|---:|---:|
| /health | $health_rps | $health_p99 |
| /cases, signed in, $CASES cases | $cases_rps | $cases_p99 |
| ratio /cases ÷ /health | $rps_ratio | $p99_ratio |

One request at a time:

| | p50 latency (ms) | p99 latency (ms) |
|---|---:|---:|
| /health | $one_health_p50 | $one_health_p99 |
| integrated chronology, first page of $CHRONOLOGY entries, with its analysis | $chronology_p50 | $chronology_p99 |"

echo
echo "$table"
echo

if [[ ! -f $REPORT ]]; then
  cat >"$REPORT" <<'EOF'
# Benchmarks

Produced by `bench/web.sh`, which appends a section per run.

Method: a Release build serves a throwaway SQLite database holding the demo data
plus 1,000 fictional cases in the demo board, in the Production environment, on
a loopback port. wrk (2 threads, 32 connections, 20 s, after a 5 s warm-up)
measures requests per second and the 99th percentile latency of the case list
page (`/cases`) for the signed-in business unit officer, and of `/health`
served by the same process in the same run. Absolute numbers vary with the
machine and whatever else runs on it, so compare the ratios (case list ÷
health): shared-machine noise affects both and largely cancels out.
EOF
fi
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
  echo
  echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $memory memory; .NET $(dotnet --version)."
  echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per endpoint."
  echo
  echo "$table"
} >>"$REPORT"
echo "Appended to ${REPORT#"$ROOT"/}" >&2
