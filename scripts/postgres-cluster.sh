# shellcheck shell=bash
# A throwaway PostgreSQL cluster for tests and benchmarks.
#
#   source scripts/postgres-cluster.sh
#   pg_cluster_start           # exports SCR_TEST_POSTGRES, PG_CLUSTER_DIR, PG_CLUSTER_PORT
#   trap pg_cluster_stop EXIT  # stops the server and deletes its directory
#
# The cluster lives in a fresh temporary directory, listens on 127.0.0.1 only
# (plus a unix socket inside that directory) and trusts every connection: that
# is acceptable only because it is loopback-only and deleted afterwards.
# Durability is switched off (fsync, synchronous_commit, full_page_writes)
# because nothing in it needs to survive a crash, and it makes tests faster.
#
# PostgreSQL refuses to run as root, so when run as root the server programs
# run as the `postgres` system user through runuser(1).
#
# Sourced, never executed: functions only, no change to the caller's shell
# options. Functions report errors by return status, so they behave the same
# with or without `set -e`.

# shellcheck source=scripts/common.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

# First port tried; the next ones are tried when it is taken.
: "${PG_CLUSTER_BASE_PORT:=55432}"

# pg_cluster_bindir: prints the directory holding initdb and pg_ctl, or fails.
# Debian keeps the server programs in /usr/lib/postgresql/<version>/bin, off
# PATH; some machines also link them into /usr/local/bin. The directory of the
# initdb found on PATH wins (symlinks resolved, so pg_ctl and postgres are found
# beside it), otherwise the newest Debian version.
pg_cluster_bindir() {
  local initdb dir
  local -a candidates=()
  if initdb=$(command -v initdb 2>/dev/null); then
    candidates+=("$(dirname -- "$(readlink -f -- "$initdb")")")
  fi
  mapfile -t -O "${#candidates[@]}" candidates < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV)
  for dir in "${candidates[@]}"; do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

# Runs a command as the postgres user when we are root, as ourselves otherwise.
# The working directory is the cluster directory, so that the postgres user
# never has to read a directory it has no access to (root's home, say).
_pg_cluster_as_owner() {
  if ((EUID == 0)); then
    (cd -- "$PG_CLUSTER_DIR" && runuser -u postgres -- "$@")
  else
    (cd -- "$PG_CLUSTER_DIR" && "$@")
  fi
}

pg_cluster_start() {
  local bindir locale port tries=0 started=0
  if [[ -n ${PG_CLUSTER_DIR:-} ]]; then
    echo "pg_cluster_start: a cluster is already running in $PG_CLUSTER_DIR" >&2
    return 1
  fi
  if ! bindir=$(pg_cluster_bindir); then
    echo "pg_cluster_start: initdb/pg_ctl not found (apt-get install postgresql)" >&2
    return 1
  fi
  if ((EUID == 0)) && ! id -u postgres >/dev/null 2>&1; then
    # The Debian package creates this user; binaries from elsewhere may not.
    useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin postgres || return 1
  fi

  PG_CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/scr-pg.XXXXXX") || return 1
  export PG_CLUSTER_DIR
  chmod 700 "$PG_CLUSTER_DIR"
  if ((EUID == 0)); then
    chown postgres: "$PG_CLUSTER_DIR" || return 1
  fi

  # C.UTF-8 gives Unicode-aware upper/lower case with byte-order collation,
  # and does not depend on which locales happen to be generated.
  locale=C
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale=C.UTF-8
  fi
  if ! _pg_cluster_as_owner "$bindir/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres -A trust \
    -E UTF8 --locale="$locale" --no-sync >"$PG_CLUSTER_DIR/initdb.log" 2>&1; then
    echo "pg_cluster_start: initdb failed:" >&2
    cat "$PG_CLUSTER_DIR/initdb.log" >&2
    pg_cluster_stop
    return 1
  fi
  if ! _pg_cluster_as_owner mkdir "$PG_CLUSTER_DIR/socket"; then
    pg_cluster_stop
    return 1
  fi
  # Settings go in postgresql.conf rather than on pg_ctl's -o, which passes
  # them through a shell. max_connections is raised because every test database
  # gets its own Npgsql pool.
  cat >>"$PG_CLUSTER_DIR/data/postgresql.conf" <<EOF

# Throwaway test cluster (scripts/postgres-cluster.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_CLUSTER_DIR/socket'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  # Find a free port and start; when another process takes the port between
  # the check and the bind, try the next one.
  port=$PG_CLUSTER_BASE_PORT
  while ((tries < 20)); do
    port=$(scr_free_port "$port") || break
    if _pg_cluster_as_owner "$bindir/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/postgres.log" \
      -o "-p $port" -w -t 60 start >/dev/null; then
      started=1
      break
    fi
    if ! grep -qiE 'could not bind|already in use|could not create any TCP/IP sockets' "$PG_CLUSTER_DIR/postgres.log"; then
      break
    fi
    port=$((port + 1))
    tries=$((tries + 1))
  done
  if ((!started)); then
    echo "pg_cluster_start: PostgreSQL did not start:" >&2
    tail -n 20 "$PG_CLUSTER_DIR/postgres.log" >&2 2>/dev/null || true
    pg_cluster_stop
    return 1
  fi

  PG_CLUSTER_PORT=$port
  PG_CLUSTER_BINDIR=$bindir
  # Tests create (and drop) their own databases through this connection.
  SCR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  export PG_CLUSTER_PORT PG_CLUSTER_BINDIR SCR_TEST_POSTGRES
  echo "PostgreSQL test cluster on 127.0.0.1:$port ($PG_CLUSTER_DIR)" >&2
}

# pg_cluster_stop: stops the server and deletes its directory. Safe to call
# more than once, and when pg_cluster_start failed half-way.
pg_cluster_stop() {
  local dir=${PG_CLUSTER_DIR:-} bindir pid
  [[ -n $dir ]] || return 0
  # Refuse to delete anything pg_cluster_start did not create.
  if [[ $(basename -- "$dir") != scr-pg.* ]]; then
    echo "pg_cluster_stop: refusing to delete $dir" >&2
    return 1
  fi
  if [[ -f $dir/data/postmaster.pid ]]; then
    bindir=${PG_CLUSTER_BINDIR:-$(pg_cluster_bindir || true)}
    # Immediate mode: no checkpoint, the data is about to be deleted anyway.
    if [[ -z $bindir ]] || ! _pg_cluster_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      if [[ $pid =~ ^[0-9]+$ ]]; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf -- "$dir"
  unset PG_CLUSTER_DIR PG_CLUSTER_PORT PG_CLUSTER_BINDIR SCR_TEST_POSTGRES
}
