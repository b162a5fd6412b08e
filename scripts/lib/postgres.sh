# A throwaway PostgreSQL cluster in a temp folder on a free loopback port, for scripts/test and
# scripts/bench-search. Source it, call start_postgres, and it stops itself when the script exits.
# Sets MEND_POSTGRES to the server's connection string. initdb refuses to run as root, so as root the
# cluster runs as the postgres user.

pg_dir=""
pg_bin=""

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}

start_postgres() { # [extra server settings...]
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL's initdb was not found"; return 1; }
  pg_dir="$(mktemp -d /tmp/mend-pg.XXXXXX)"
  mkdir -p "$pg_dir/data" "$pg_dir/socket"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$pg_dir"
  trap stop_postgres EXIT
  local port; port="$(free_port)"
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --data-checksums -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $port -k $pg_dir/socket -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300 $*" start >/dev/null || { cat "$pg_dir/log"; return 1; }
  MEND_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

postmaster_pid() { # the running cluster's postmaster, whose children are every PostgreSQL process (for the bench's CPU counts)
  head -n 1 "$pg_dir/data/postmaster.pid"
}

install_debian_packages() { # package...
  local missing=()
  for package in "$@"; do
    case "$package" in
      postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql) ;;
      libreoffice-writer-nogui) command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui) ;;
      etcd-server) command -v etcd >/dev/null || missing+=(etcd-server) ;;
      etcd-client) command -v etcdctl >/dev/null || missing+=(etcd-client) ;;
      pgbouncer) [ -x /usr/sbin/pgbouncer ] || command -v pgbouncer >/dev/null || missing+=(pgbouncer) ;;
      *) command -v "$package" >/dev/null || missing+=("$package") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
