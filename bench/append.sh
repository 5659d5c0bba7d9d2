#!/usr/bin/env bash
# Builds the ledger jar and runs the append benchmark against PostgreSQL on 127.0.0.1:5432.
# Usage, from anywhere in the repository: bench/append.sh [benchmark options]   (bench/append.sh --help lists them)
# MVN_ARGS overrides the extra Maven arguments (default none; MVN_ARGS=-o builds offline).
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" AppendBenchmark.java "$@"
