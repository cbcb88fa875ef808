# Helpers shared by the benchmarks in bench/ (sourced, not run): the tools they
# install, the timing of commands side by side, and what the report says of the
# machine and the commit.

# Installs each missing tool with apt when running as root; quietly does nothing otherwise.
bench_tools() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1 && ((EUID == 0)); then
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y "$tool" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$tool" >/dev/null; } || true
    fi
  done
}

# Times each command (shell text, run with eval) WARMUP + RUNS times, with
# hyperfine when installed (one run, the commands side by side) or with bash.
# Arguments: WORK, WARMUP, RUNS, then NAME COMMAND pairs. Sets the global arrays
# bench_mean and bench_sd (seconds, 3 decimals, in the order given) and
# bench_tool (how they were timed, for the report). The commands' own output is
# discarded, as hyperfine discards it.
bench_time() {
  local work=$1 warmup=$2 runs=$3
  shift 3
  local -a names=() commands=()
  while (($# > 1)); do
    names+=("$1")
    commands+=("$2")
    shift 2
  done
  bench_mean=()
  bench_sd=()
  local i w r start
  if command -v hyperfine >/dev/null 2>&1; then
    bench_tool="hyperfine $(hyperfine --version | awk '{ print $2 }'), $warmup warm-up and $runs timed runs of each"
    local -a args=()
    for i in "${!names[@]}"; do
      args+=(-n "${names[$i]}" "${commands[$i]}")
    done
    hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-csv "$work/times.csv" "${args[@]}" >&2
    for i in "${!names[@]}"; do
      # command,mean,stddev,median,user,system,min,max: seconds
      bench_mean[i]=$(awk -F, -v n="${names[$i]}" 'NR > 1 && $1 == n { printf "%.3f", $2 }' "$work/times.csv")
      bench_sd[i]=$(awk -F, -v n="${names[$i]}" 'NR > 1 && $1 == n { printf "%.3f", $3 }' "$work/times.csv")
    done
  else
    bench_tool="bash, $warmup warm-up and $runs timed runs of each (hyperfine is not installed)"
    for i in "${!names[@]}"; do
      for ((w = 0; w < warmup; w++)); do eval "${commands[$i]}" >/dev/null 2>&1; done
      : >"$work/runs.txt"
      for ((r = 0; r < runs; r++)); do
        start=$(date +%s%N)
        eval "${commands[$i]}" >/dev/null 2>&1
        echo $((($(date +%s%N) - start) / 1000)) >>"$work/runs.txt"
      done
      bench_mean[i]=$(awk '{ s += $1; n++ } END { printf "%.3f", s / n / 1e6 }' "$work/runs.txt")
      bench_sd[i]=$(awk '{ s += $1; q += $1 * $1; n++ } END { m = s / n; v = q / n - m * m; printf "%.3f", (v > 0 ? sqrt(v) : 0) / 1e6 }' "$work/runs.txt")
      echo "${names[$i]}: ${bench_mean[i]} s ± ${bench_sd[i]}" >&2
    done
  fi
}

# A ÷ B to 2 decimals (0 when B is 0).
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

# The machine, as the report describes it: CPUs, model, memory, .NET, and the load when the benchmark ended.
bench_machine() {
  local cpu memory
  cpu=$(grep -m 1 -E '^(model name|Model)[[:space:]]*:' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
  memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "$(nproc) CPUs, ${cpu:-unknown CPU}, $memory memory; .NET $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg) when it ended"
}

# The commit measured, marked when the checkout has uncommitted changes. Argument: the repository root.
bench_commit() {
  local commit
  commit=$(git -C "$1" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n $(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    commit+=" (with uncommitted changes)"
  fi
  echo "$commit"
}

# Creates the report with its heading when it does not exist yet. Argument: the report's path.
bench_report() {
  if [[ ! -f $1 ]]; then
    # shellcheck disable=SC2016 # the backquotes are Markdown
    printf '# Benchmarks\n\nProduced by the scripts in `bench/`, which append a section per run.\n' >"$1"
  fi
}
