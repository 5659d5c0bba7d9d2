#!/usr/bin/env bash
# Builds the ledger jar and runs the whole benchmark in one run, printing one table: command append over HTTP, bulk
# import, full verification, rebuild, point-in-time queries and the ledger's resident memory, each beside the raw
# PostgreSQL ceiling measured in the same run (docs/benchmarks.md, "One command, one table").
# Usage, from anywhere in the repository: bench/ledger.sh [options]   (bench/ledger.sh --help lists them;
# bench/ledger.sh --smoke is a run of a few minutes for development)
# MVN_ARGS overrides the extra Maven arguments (default none; MVN_ARGS=-o builds offline).
BENCH_SHARED="AppendBenchmark.java ReadBenchmark.java" exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" \
    LedgerBenchmark.java "$@"
