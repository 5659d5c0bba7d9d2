#!/usr/bin/env bash
# Builds the ledger jar and runs the read-side benchmark against PostgreSQL on 127.0.0.1:5432.
# Usage, from anywhere in the repository: bench/read.sh [benchmark options]   (bench/read.sh --help lists them)
# MVN_ARGS overrides the extra Maven arguments (default none; MVN_ARGS=-o builds offline).
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" ReadBenchmark.java "$@"
