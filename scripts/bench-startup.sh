#!/usr/bin/env bash
# From the run command to ready, with the data already there (the second and later starts of a newcomer's machine).
# Prepares a data folder once (a first start that writes the demo bloc and its demo cycle, then stops), then starts
# the application RUNS times each way and reports, per start, the seconds to the sign-in page (HTTP 200) and to
# readiness (/actuator/health/readiness UP: start-up work such as loading the rule packs done). Ways:
#   jar        java -jar app/target/cadre.jar                      (the README's run command)
#   extracted  the jar extracted by Spring Boot's jarmode tools     (no nested-jar class loading)
#   aot        extracted, with the JDK's ahead-of-time cache        (JDK 25: -XX:AOTCache, trained once)
# Not a test: run it on a quiet machine and copy the table to docs/benchmarks.md ("Start-up").
#
#   ./mvnw -o -q -pl app -am package -DskipTests
#   scripts/bench-startup.sh                 # RUNS=3 WAYS="jar extracted aot" PORT=18099 JAVA=... LOGS=folder ARGS=...
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
WAYS="${WAYS:-jar extracted aot}"
PORT="${PORT:-18099}"
JAR="${JAR:-app/target/cadre.jar}"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
BASE="http://127.0.0.1:$PORT"
work="$(mktemp -d)"
# the application's pid is kept in a file: timed_start runs in a subshell when its output is read
stop() {
  local pid
  pid="$(cat "$work/pid" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$work/pid"
}
# LOGS=folder keeps every start's log there (the work folder is deleted at the end)
trap 'stop; [ -z "${LOGS:-}" ] || { mkdir -p "$LOGS"; cp "$work"/*.log "$LOGS"/; }; rm -rf "$work"' EXIT
data="$work/postgres"
common=(--server.port="$PORT" --cadre.embedded-database.data-directory="$data")
# ARGS: more arguments for the timed starts only (ARGS="--cadre.rating-rules.compiled-cache=false")
read -r -a extra <<<"${ARGS:-}"

now() { date +%s.%N; }
# starts the command given, waits for the sign-in page and for readiness; prints both times in seconds
timed_start() {
  local log="$1"; shift
  local t0 login="" ready=""
  t0="$(now)"
  "$@" >"$log" 2>&1 &
  local app=$!
  echo "$app" >"$work/pid"
  for _ in $(seq 1 1200); do
    if [ -z "$login" ] && curl -fs -o /dev/null "$BASE/login" 2>/dev/null; then login="$(now)"; fi
    # the body is read whole before it is matched: under pipefail a grep -q that stops reading early could fail
    # the curl it reads from (SIGPIPE), and the start would count as not ready yet
    if [ -n "$login" ]; then
      health="$(curl -fs "$BASE/actuator/health/readiness" 2>/dev/null || true)"
      if [[ "$health" == *'"UP"'* ]]; then ready="$(now)"; break; fi
    fi
    kill -0 "$app" 2>/dev/null || { echo "The application stopped:" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$ready" ] || { echo "Not ready in 120 s" >&2; exit 1; }
  awk -v a="$t0" -v b="$login" -v c="$ready" 'BEGIN { printf "%.1f %.1f\n", b - a, c - a }'
}

echo "Preparing the data folder (first start with the demo bloc)..."
timed_start "$work/first.log" "$JAVA" -jar "$JAR" "${common[@]}" --cadre.demo-data.enabled=true >/dev/null
# the demo cycle is opened after readiness: wait for it, so later starts find everything a user would
for _ in $(seq 1 600); do grep -q 'Demo cycle .* opened' "$work/first.log" && break; sleep 0.2; done
stop

extracted="$work/extracted"
if [[ " $WAYS " == *" extracted "* || " $WAYS " == *" aot "* ]]; then
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$extracted" >/dev/null
fi
launcher="$extracted/$(basename "$JAR")"
aot_flags=()
if [[ " $WAYS " == *" aot "* ]]; then
  if "$JAVA" -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1; then
    # training: a start that stops once the context is refreshed, recording the classes it loaded and linked
    "$JAVA" -XX:AOTCacheOutput="$work/cadre.aot" -Dspring.context.exit=onRefresh -jar "$launcher" \
      "${common[@]}" >"$work/training.log" 2>&1 || { tail -20 "$work/training.log" >&2; exit 1; }
    aot_flags=(-XX:AOTCache="$work/cadre.aot")
  else
    echo "This JDK has no ahead-of-time cache (JDK 25 or later): the aot way is left out"
    WAYS="${WAYS/aot/}"
  fi
fi

echo "Start-up with the data there: $(nproc) cores, $("$JAVA" -version 2>&1 | sed -n 1p);" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Way | Run | Sign-in page (s) | Ready (s) | Rule packs loaded (s) |"
echo "|---|---|---|---|---|"
for way in $WAYS; do
  for run in $(seq 1 "$RUNS"); do
    case "$way" in
      jar) cmd=("$JAVA" -jar "$JAR") ;;
      extracted) cmd=("$JAVA" -jar "$launcher") ;;
      aot) cmd=("$JAVA" "${aot_flags[@]}" -jar "$launcher") ;;
    esac
    read -r login ready < <(timed_start "$work/$way-$run.log" "${cmd[@]}" "${common[@]}" ${extra[@]+"${extra[@]}"})
    stop
    # the start-up's own figure for the active packs (compiled, or read from the compiled pack cache)
    packs="$(sed -n 's/.*Rule packs serving: .* loaded in \([0-9]*\) ms.*/\1/p' "$work/$way-$run.log" | sed -n 1p)"
    packs="$(awk -v ms="${packs:-}" 'BEGIN { if (ms == "") print "?"; else printf "%.1f", ms / 1000 }')"
    echo "| $way | $run | $login | $ready | $packs |"
  done
done
