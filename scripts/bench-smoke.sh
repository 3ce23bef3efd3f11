#!/usr/bin/env bash
# Every benchmark harness at smoke size, so that each keeps working between the full runs (which are opt-in, see
# docs/benchmarks.md): the shell harnesses against the built jar for a second or two each, then every Java benchmark
# (tag "benchmark") at the seed scale. CI runs this after the build (.ci/run). The figures it prints mean nothing;
# a harness that fails (the application does not start, a page does not answer 200, a benchmark's own checks fail)
# fails it.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${JAR:-app/target/cadre.jar}"
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -o -q -pl app -am package -DskipTests" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

echo "== scripts/bench-pages.sh (smoke)"
JAR="$JAR" WARMUP=1s SINGLE=1s DURATION=1s CONNECTIONS=4 scripts/bench-pages.sh
echo "== scripts/bench-api-auth.sh (smoke)"
JAR="$JAR" WARMUP=1s DURATION=1s CONNECTIONS=4 scripts/bench-api-auth.sh
echo "== scripts/bench-startup.sh (smoke)"
JAR="$JAR" RUNS=1 WAYS=jar scripts/bench-startup.sh

echo "== the Java benchmarks at the seed scale"
./mvnw -B -o verify -Pbenchmarks -Dcadre.benchmark.scale=seed -Dcadre.benchmark.runs=1
