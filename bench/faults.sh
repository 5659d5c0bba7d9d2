#!/usr/bin/env bash
# Several ledger nodes over one PostgreSQL, with faults: three nodes under load, one killed with SIGKILL, PostgreSQL
# restarted once; then every acknowledged command must be in the event store exactly once, the killed node's
# segments taken over within 15 s and every read model equal to a fresh rebuild (docs/scaling.md).
# Must run as root: it restarts the PostgreSQL server. Options: bench/faults.sh --help
BENCH_SHARED=AppendBenchmark.java exec "$(dirname "$0")/run.sh" FaultTest.java "$@"
