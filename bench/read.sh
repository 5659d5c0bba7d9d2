#!/usr/bin/env bash
# Builds the ledger jar and runs the read-side benchmark against PostgreSQL on 127.0.0.1:5432.
# Usage, from anywhere in the repository: bench/read.sh [benchmark options]   (bench/read.sh --help lists them)
# MVN_ARGS overrides the extra Maven arguments (default none; MVN_ARGS=-o builds offline).
set -euo pipefail

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
    echo "read.sh: a JDK 17 (java and jar) is needed; set JAVA_HOME or put it on PATH" >&2
    exit 2
fi

echo "read.sh: building ledger-api/target/ledger-api.jar" >&2
# shellcheck disable=SC2086
./mvnw -q -B ${MVN_ARGS-} -DskipTests package

app_jar="ledger-api/target/ledger-api.jar"
if [[ ! -f "$app_jar" ]]; then
    echo "read.sh: the build did not produce $app_jar" >&2
    exit 1
fi

# The PostgreSQL driver the ledger itself ships with, taken out of the Spring Boot jar.
driver_entry="$("$jar" tf "$app_jar" | grep -E '^BOOT-INF/lib/postgresql-[0-9][^/]*\.jar$' | head -n 1 || true)"
if [[ -z "$driver_entry" ]]; then
    echo "read.sh: no BOOT-INF/lib/postgresql-*.jar inside $app_jar" >&2
    exit 1
fi
mkdir -p target/bench
(cd target/bench && "$jar" xf "$root/$app_jar" "$driver_entry")
driver="target/bench/$driver_entry"

exec "$java" -cp "$driver" bench/ReadBenchmark.java "$@"
