#!/usr/bin/env bash
# The most used pages and API calls under 1 and 50 concurrent users. Starts the built jar on a throwaway embedded
# database with the demo bloc (as a newcomer's first start), signs in as the administrator with the password the
# first start printed, finds the ids the pages need by following links, makes an access token for the API call,
# warms the JIT up, then runs wrk on each path: requests/s, p50, p95 and p99. Not a test: run it on a quiet machine
# and copy the table to docs/benchmarks.md ("Pages under load").
#
#   ./mvnw -o -q -pl app -am package -DskipTests   # the jar, once
#   scripts/bench-pages.sh                          # needs wrk (apt-get install -y wrk) and curl
#
# Settings (environment): PORT (18098), DURATION (15s), SINGLE (10s, the one-user run), CONNECTIONS (50),
# WARMUP (30s per path), JAR (app/target/cadre.jar), JAVA (java from JAVA_HOME, else on the PATH), BASE (measure an
# application already running there instead, with ADMIN_PASSWORD given), ONLY (an extended regular expression: only
# the paths it matches, as the table shows them, e.g. ONLY='^/organizations' for the tree and an organization).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18098}"
DURATION="${DURATION:-15s}"
SINGLE="${SINGLE:-10s}"
CONNECTIONS="${CONNECTIONS:-50}"
WARMUP="${WARMUP:-30s}"
JAR="${JAR:-app/target/cadre.jar}"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
LUA="$(pwd)/scripts/lib/percentiles.lua"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
work="$(mktemp -d)"
app=""
trap '[ -n "$app" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; rm -rf "$work"' EXIT

if [ -z "${BASE:-}" ]; then
  [ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -o -q -pl app -am package -DskipTests" >&2; exit 2; }
  BASE="http://127.0.0.1:$PORT"
  ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  log="$work/app.log"
  "$JAVA" -jar "$JAR" --server.port="$PORT" --cadre.embedded-database.ephemeral=true --cadre.demo-data.enabled=true \
    --cadre.security.login.admin-password="$ADMIN_PASSWORD" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 360); do
    grep -q 'Demo cycle .* opened' "$log" 2>/dev/null && curl -fs "$BASE/actuator/health" | grep -q '"UP"' && break
    kill -0 "$app" 2>/dev/null || { echo "The application did not start:" >&2; tail -40 "$log" >&2; exit 1; }
    sleep 0.5
  done
fi
: "${ADMIN_PASSWORD:?give ADMIN_PASSWORD with BASE}"

jar="$work/cookies"
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p; }
login_csrf="$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | csrf)"
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$login_csrf" "$BASE/login"
COOKIE="SESSION=$(awk '$6 == "SESSION" {print $7}' "$jar")"
page_csrf="$(curl -fs -c "$jar" -b "$jar" "$BASE/account/tokens" | csrf)"
TOKEN="$(curl -fs -c "$jar" -b "$jar" --data-urlencode "name=bench-pages" --data-urlencode "days=1" \
  --data-urlencode "_csrf=$page_csrf" "$BASE/account/tokens" | grep -o 'cadre_[A-Za-z0-9_-]\{43\}' | sed -n 1p)"
[ -n "$TOKEN" ] || { echo "No token came back from /account/tokens" >&2; exit 1; }

# ids found the way a user finds them: the first grassroots committee of the tree, a member on its page, the cycle
first() { grep -o "href=\"$1\"" | sed -n 1p | sed 's/^href="//; s/"$//'; }
get() { curl -fs -H "Cookie: $COOKIE" "$BASE$1"; }
uuid='[0-9a-f-]\{36\}'
# (each page read whole first, and the first match taken with sed, which reads to the end: head closing the pipe
# early fails the assignment under pipefail now and then)
tree="$(get /organizations)"; organization="$(first "/organizations/$uuid" <<<"$tree")"
page="$(get "$organization")"; member="$(first "/members/$uuid" <<<"$page")"
cycles="$(get /evaluation/cycles)"; cycle="$(first "/evaluation/cycles/$uuid" <<<"$cycles")"

paths=(
  "/"
  "/organizations"
  "$organization"
  "$member"
  "/members?q=nguy%E1%BB%85n%20v%C4%83n"
  "/commitments/board"
  "/supervision/meetings"
  "$cycle"
  "/actuator/health/liveness"
  "api:/api/organizations"
)

echo "Pages under load: $(nproc) cores, $("$JAVA" -version 2>&1 | sed -n 1p), wrk -t2, $DURATION at" \
  "$CONNECTIONS users, $SINGLE at 1; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Path | 1 user: req/s | p50 | p95 | $CONNECTIONS users: req/s | p50 | p95 | p99 | failed |"
echo "|---|---|---|---|---|---|---|---|---|"
for entry in "${paths[@]}"; do
  path="${entry#api:}"
  shown="$(sed -E "s/$(printf '%s' "$uuid" | sed 's/\\//g')/{id}/g; s/[0-9a-f]{8}-[0-9a-f-]{27}/{id}/g" <<<"$path")"
  if [ -n "${ONLY:-}" ] && ! grep -Eq -- "$ONLY" <<<"$shown"; then continue; fi
  if [ "$entry" != "$path" ]; then export BENCH_TOKEN="$TOKEN" BENCH_COOKIE=""; else
    export BENCH_TOKEN="" BENCH_COOKIE="$COOKIE"; fi
  code="$(curl -s -o /dev/null -w '%{http_code}' ${BENCH_COOKIE:+-H "Cookie: $BENCH_COOKIE"} \
    ${BENCH_TOKEN:+-H "Authorization: Bearer $BENCH_TOKEN"} "$BASE$path")"
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
  wrk -t2 -c8 -d"$WARMUP" -s "$LUA" "$BASE$path" >/dev/null
  one="$(wrk -t1 -c1 -d"$SINGLE" -s "$LUA" "$BASE$path" | awk '/^RESULT/')"
  many="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$LUA" "$BASE$path" | awk '/^RESULT/')"
  read -r _ r1 p50a p95a _ _ _ <<<"$one"
  read -r _ r50 p50b p95b p99b status errors <<<"$many"
  printf '| `%s` | %s | %s ms | %s ms | %s | %s ms | %s ms | %s ms | %s |\n' "$shown" "$r1" "$p50a" "$p95a" "$r50" \
    "$p50b" "$p95b" "$p99b" "$((status + errors))"
done
