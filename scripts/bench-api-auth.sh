#!/usr/bin/env bash
# Measures what signing in costs a JSON API call: HTTP basic (a bcrypt check of the password on every call) against
# a personal access token (a SHA-256 and one indexed lookup). Starts the built jar on a throwaway embedded database,
# signs in as the administrator through the pages, makes a token on /account/tokens, then runs wrk against one
# cheap endpoint with each. Not a test: run it by hand on a quiet machine and copy the figures to
# docs/benchmarks.md ("API authentication: password vs token").
#
#   ./mvnw -o -q -pl app -am package -DskipTests   # the jar, once
#   scripts/bench-api-auth.sh                       # needs wrk (apt-get install -y wrk) and curl
#
# Settings (environment): PORT (18097), DURATION (15s), CONNECTIONS (50), THREADS (2), ENDPOINT
# (/api/organizations), WARMUP (45s), JAR (app/target/cadre.jar), JAVA (java from JAVA_HOME, else on the PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18097}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
ENDPOINT="${ENDPOINT:-/api/organizations}"
WARMUP="${WARMUP:-45s}"
JAR="${JAR:-app/target/cadre.jar}"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -o -q -pl app -am package -DskipTests" >&2; exit 2; }

work="$(mktemp -d)"
log="$work/app.log"
"$JAVA" -jar "$JAR" --server.port="$PORT" --cadre.embedded-database.ephemeral=true \
  --cadre.demo-data.enabled=false --cadre.security.login.admin-password="$PASSWORD" >"$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 240); do
  curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$app" 2>/dev/null || { echo "The application did not start:" >&2; tail -40 "$log" >&2; exit 1; }
  sleep 0.5
done

# The page flow a user follows: sign in, open the tokens page, send its form. The token is in that answer only.
jar="$work/cookies"
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p; }
login_csrf="$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | csrf)"
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$login_csrf" "$BASE/login"
page_csrf="$(curl -fs -c "$jar" -b "$jar" "$BASE/account/tokens" | csrf)"
TOKEN="$(curl -fs -c "$jar" -b "$jar" --data-urlencode "name=bench" --data-urlencode "days=1" \
  --data-urlencode "_csrf=$page_csrf" "$BASE/account/tokens" | grep -o 'cadre_[A-Za-z0-9_-]\{43\}' | sed -n 1p)"
[ -n "$TOKEN" ] || { echo "No token came back from /account/tokens" >&2; exit 1; }
BASIC="Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"

for auth in "$BASIC" "Bearer $TOKEN"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$BASE$ENDPOINT")"
  [ "$code" = 200 ] || { echo "$ENDPOINT answered $code with ${auth%% *}" >&2; exit 1; }
done

# wrk's summary: requests/s and the 50th and 99th percentile of latency
run() {
  local name="$1" auth="$2" out
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: $auth" "$BASE$ENDPOINT" >/dev/null
  # a long timeout, so that slow calls count in the latency instead of as errors
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -H "Authorization: $auth" \
    "$BASE$ENDPOINT")"
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
  printf '%-8s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
  echo "$rps" >"$work/$name"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 30s --latency GET $ENDPOINT on $(nproc) cores," \
  "$("$JAVA" -version 2>&1 | sed -n 1p)"
echo "load average before the runs: $(cut -d" " -f1-3 /proc/loadavg)"
# The JIT needs tens of seconds of calls on 2 cores: a cold server answers a third of what it answers warm. The
# token path runs the whole request (filters, controller, JSON) fast enough to warm it; bcrypt is compiled code.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$BASE$ENDPOINT" >/dev/null
run basic "$BASIC"
run token "Bearer $TOKEN"
awk -v b="$(cat "$work/basic")" -v t="$(cat "$work/token")" 'BEGIN { printf "token / basic: %.0fx\n", t / b }'
