#!/usr/bin/env bash
# Runs every test of scr, on SQLite and on PostgreSQL, from a fresh Debian 12
# machine (root, .NET SDK 10, node 20 and npm present; nothing else assumed).
#
#   ./test.sh
#
# Steps: install chromium, PostgreSQL and LibreOffice when missing; npm packages and CSS of
# the web project; a throwaway PostgreSQL cluster on a free loopback port; one
# Release build of the solution; each test project run in turn with a TRX
# logger. The last line printed is the sum over all projects:
#
#   N passed, N failed[, N skipped]
#
# Exit status is non-zero when the build failed, a test failed, a test run
# crashed, or no test ran at all.
#
# Environment: SCR_TEST_TIMEOUT (default 20m) caps each test project's run, so
# that a hung test fails the run instead of stalling it (the web tests, on both
# databases, take 7 to 8 minutes on a quiet 2-core machine and ran past 12 on a
# busy one). SCR_E2E_CHROMIUM
# (default /usr/bin/chromium) is the browser the end-to-end tests drive.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
cd "$ROOT"
# shellcheck source=scripts/common.sh
source scripts/common.sh
# shellcheck source=scripts/postgres-cluster.sh
source scripts/postgres-cluster.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS="$ROOT/TestResults/test.sh"

# --- Cleanup -----------------------------------------------------------------
# The cluster must go whatever happens: normal end, failure under set -e, or
# Ctrl-C. INT/TERM are turned into a plain exit so that the EXIT trap runs once.
test_pid=
cleanup() {
  if [[ -n $test_pid ]]; then
    kill -TERM "$test_pid" 2>/dev/null || true
    wait "$test_pid" 2>/dev/null || true
  fi
  pg_cluster_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- System packages ----------------------------------------------------------
# The end-to-end tests drive Debian's chromium; the PostgreSQL tests need the
# server programs (initdb, pg_ctl) to start their own cluster; the document
# tests open what the service writes (Word files, workbooks) in LibreOffice, headless.
# apt only runs when one of them is missing, so repeated runs stay offline and
# fast. SCR_E2E_CHROMIUM may name another browser binary; it defaults to Debian's.
export SCR_E2E_CHROMIUM=${SCR_E2E_CHROMIUM:-/usr/bin/chromium}
missing=()
[[ -x $SCR_E2E_CHROMIUM ]] || missing+=(chromium)
pg_cluster_bindir >/dev/null || missing+=(postgresql)
command -v libreoffice >/dev/null || command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
# Calc, for the spreadsheets (chronologies as .xlsx): a package of its own.
if command -v dpkg-query >/dev/null && ! dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q 'ok installed'; then
  missing+=(libreoffice-calc-nogui)
fi
if ((${#missing[@]})); then
  if ((EUID != 0)); then
    echo "test.sh: ${missing[*]} missing; run as root, or: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${missing[@]}"
  [[ -x $SCR_E2E_CHROMIUM ]] || SCR_E2E_CHROMIUM=/usr/bin/chromium
fi

# --- Web assets ----------------------------------------------------------------
scr_web_assets

# --- PostgreSQL ------------------------------------------------------------------
# Exports SCR_TEST_POSTGRES; the PostgreSQL tests create their own databases.
pg_cluster_start

# --- Build once ------------------------------------------------------------------
if ! dotnet build Scr.slnx -c Release -nologo; then
  echo "test.sh: build failed" >&2
  echo "0 passed, 0 failed"
  exit 1
fi

# --- Test projects -----------------------------------------------------------------
# Every project under tests/ that MSBuild says is a test project (helpers such
# as Scr.TestCommon are not). The end-to-end tests go last: they are the
# slowest, and the quick suites should report first.
is_test_project() {
  local value
  if value=$(dotnet msbuild "$1" -nologo -getProperty:IsTestProject -p:Configuration=Release 2>/dev/null); then
    [[ $value == true ]]
  else
    # Could not ask MSBuild; fall back to the naming convention.
    [[ $(basename -- "$1") != *TestCommon* ]]
  fi
}

projects=()
slow_projects=()
for project in tests/*/*.csproj; do
  [[ -f $project ]] || continue
  if is_test_project "$project"; then
    if [[ $project == *EndToEnd* ]]; then
      slow_projects+=("$project")
    else
      projects+=("$project")
    fi
  fi
done
projects+=("${slow_projects[@]}")

rm -rf -- "$RESULTS"
mkdir -p -- "$RESULTS"
crashed=()
trx_files=()
for project in "${projects[@]}"; do
  name=$(basename -- "$project" .csproj)
  trx="$RESULTS/$name.trx"
  echo "=== $name" >&2
  # A failing test makes dotnet test exit non-zero: keep going, the summary
  # counts failures. timeout runs the test run in a process group of its own
  # and, on expiry or when cleanup() signals it, takes down the whole group
  # (the test program and any browser it started), not only `dotnet test`.
  # It runs in the background so that `wait` lets the INT/TERM traps fire.
  status=0
  timeout --kill-after=30s "${SCR_TEST_TIMEOUT:-20m}" \
    dotnet test --project "$project" --no-build -c Release \
    --results-directory "$RESULTS" --report-xunit-trx --report-xunit-trx-filename "$name.trx" &
  test_pid=$!
  wait "$test_pid" || status=$?
  test_pid=
  if [[ -f $trx ]]; then
    trx_files+=("$trx")
  fi
  # A non-zero exit without failed tests in the TRX (or without a TRX) means
  # the run itself broke: crash, timeout, test host abort. (trx-summary.sh
  # exits 1 exactly when the file records failures.)
  if ((status != 0)); then
    trx_status=0
    if [[ -f $trx ]]; then
      scripts/trx-summary.sh "$trx" >/dev/null || trx_status=$?
    fi
    if [[ ! -f $trx ]] || ((trx_status != 1)); then
      crashed+=("$name (exit $status)")
    fi
  fi
done

# --- Summary ------------------------------------------------------------------------
if ((${#projects[@]} == 0)); then
  echo "test.sh: no test projects found under tests/" >&2
fi
for entry in "${crashed[@]}"; do
  echo "test.sh: test run did not complete: $entry" >&2
done
summary_status=0
summary=$(scripts/trx-summary.sh "${trx_files[@]}") || summary_status=$?
echo "TRX files: $RESULTS" >&2
echo "$summary"
if ((summary_status != 0 || ${#crashed[@]} > 0)); then
  exit 1
fi
