# shellcheck shell=bash
# Helpers shared by run.sh, test.sh, bench/web.sh and scripts/postgres-cluster.sh.
# This file is sourced, never executed: it defines functions and changes no
# shell options, so the caller's `set -euo pipefail` stays in charge.

# The repository root, resolved from this file's own location so that the
# scripts work whatever the current directory is.
SCR_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)

# scr_port_in_use PORT: succeeds when something already listens on PORT.
# `ss` sees listeners on any address (0.0.0.0 and [::] included); when it is not
# installed (minimal Debian images ship without iproute2) fall back to trying a
# loopback connection with bash's /dev/tcp, which a closed port refuses at once.
scr_port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]] && return 0
  fi
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash.
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null
}

# scr_free_port START: prints the first port from START upwards that nothing
# listens on. Another process could still take it before we bind; callers that
# care (the PostgreSQL cluster) retry on the next port.
scr_free_port() {
  local port=$1 last=$(($1 + 200))
  while ((port <= last)); do
    if ! scr_port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
    port=$((port + 1))
  done
  echo "no free port between $1 and $last" >&2
  return 1
}

# scr_http_status PORT PATH [HEADER]: prints the HTTP status code of a GET on
# http://127.0.0.1:PORT/PATH, using bash's /dev/tcp so that neither curl nor
# wget is needed on a fresh machine. Fails when nothing answers within 10 s.
scr_http_status() {
  local port=$1 path=$2 header=${3:-} crlf=$'\r\n' request
  request="GET $path HTTP/1.1${crlf}Host: 127.0.0.1:$port${crlf}Connection: close${crlf}"
  [[ -n $header ]] && request+="$header$crlf"
  request+=$crlf
  # shellcheck disable=SC2016 # $1, $2 are expanded by the inner bash.
  timeout 10 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "%s" "$2" >&3
    read -r _ code _ <&3 || exit 1
    printf "%s\n" "$code"
  ' _ "$port" "$request" 2>/dev/null
}

# scr_web_assets: installs the npm packages of src/Scr.Web and builds its CSS.
# `npm ci` only runs when node_modules is missing or older than package-lock.json
# (npm writes node_modules/.package-lock.json on every install, so its mtime
# tells when the last install happened). Does nothing while the web project has
# no package.json yet.
scr_web_assets() {
  local web="$SCR_ROOT/src/Scr.Web"
  if [[ ! -f $web/package.json ]]; then
    echo "scr: src/Scr.Web/package.json not found; skipping npm" >&2
    return 0
  fi
  if [[ ! -f $web/package-lock.json ]]; then
    # No lock file yet: `npm ci` refuses to run without one.
    (cd "$web" && npm install --no-audit --no-fund)
  elif [[ ! -f $web/node_modules/.package-lock.json || $web/package-lock.json -nt $web/node_modules/.package-lock.json ]]; then
    (cd "$web" && npm ci --no-audit --no-fund)
  fi
  # Sass takes a second or two; always running it keeps the CSS in step with
  # the .scss sources without guessing their layout.
  (cd "$web" && npm run --silent build)
}
