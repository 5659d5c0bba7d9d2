#!/usr/bin/env bash
# Builds the ledger jar, takes the PostgreSQL JDBC driver out of it and runs one benchmark program with it:
#   bench/run.sh <Program>.java [benchmark options]
# bench/append.sh and bench/read.sh call it. MVN_ARGS overrides the extra Maven arguments (MVN_ARGS=-o builds
# offline).
set -euo pipefail

program="$1"
shift
name="$(basename "$program" .java)"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
    jar="$JAVA_HOME/bin/jar"
else
    java="$(command -v java || true)"
    jar="$(command -v jar || true)"
fi
if [[ -z "$java" || ! -x "$java" || -z "$jar" || ! -x "$jar" ]]; then
    echo "${name}: a JDK 17 (java and jar) is needed; set JAVA_HOME or put it on PATH" >&2
    exit 2
fi

echo "${name}: building ledger-api/target/ledger-api.jar" >&2
# shellcheck disable=SC2086
./mvnw -q -B ${MVN_ARGS-} -DskipTests package

app_jar="ledger-api/target/ledger-api.jar"
if [[ ! -f "$app_jar" ]]; then
    echo "${name}: the build did not produce $app_jar" >&2
    exit 1
fi

# The PostgreSQL driver the ledger itself ships with, taken out of the Spring Boot jar.
driver_entry="$("$jar" tf "$app_jar" | grep -E '^BOOT-INF/lib/postgresql-[0-9][^/]*\.jar$' | head -n 1 || true)"
if [[ -z "$driver_entry" ]]; then
    echo "${name}: no BOOT-INF/lib/postgresql-*.jar inside $app_jar" >&2
    exit 1
fi
mkdir -p target/bench
(cd target/bench && "$jar" xf "$root/$app_jar" "$driver_entry")
driver="target/bench/$driver_entry"

# BENCH_SHARED names other files of bench/ whose pieces the program uses (bench/faults.sh: the request bodies and
# helpers of AppendBenchmark.java); the program is then compiled together with them into target/bench/classes.
if [[ -n "${BENCH_SHARED:-}" ]]; then
    javac="$(dirname "$jar")/javac"
    if [[ ! -x "$javac" ]]; then
        echo "${name}: no javac beside $jar" >&2
        exit 2
    fi
    classes="target/bench/classes-$name"
    rm -rf "$classes"
    sources=("bench/$program")
    for shared in $BENCH_SHARED; do
        sources+=("bench/$shared")
    done
    "$javac" -nowarn -d "$classes" -cp "$driver" "${sources[@]}"
    exec "$java" -cp "$driver:$classes" "$name" "$@"
fi

exec "$java" -cp "$driver" "bench/$program" "$@"
