#!/bin/sh
# Mutation runs of the engine with StrykerJS, always at nice 19 (the machine is shared) — docs/verify.md,
# "Mutation testing".
#
#   tools/mutation/run.sh engine [--only CHUNK_PREFIX]   the whole engine (lib/model, lib/checks, lib/cidr) in chunks,
#                                                        results merged into tools/mutation/incremental/engine.json;
#                                                        stop it at any time, a re-run scores only what is missing
#   tools/mutation/run.sh sample SEED N [--rest]         draw N mutants uniformly (seeded) — from the whole engine, or
#                                                        with --rest from the files engine.json does not hold complete
#                                                        — and score exactly those
#   tools/mutation/run.sh BATCH                          one of the earlier sessions' batches (below), each with its own
#                                                        test list and incremental file tools/mutation/incremental/BATCH.json
#
# Scores: node tools/mutation/score.mjs [--sample SEED] [--survivors [FILE_PREFIX]]
set -eu
cd "$(dirname "$0")/../.."
batch="${1:-}"
[ $# -gt 0 ] && shift
case "$batch" in
  engine) exec node tools/mutation/engine.mjs "$@" ;;
  sample)
    seed="${1:?usage: tools/mutation/run.sh sample SEED N [--rest]}"; n="${2:?usage: tools/mutation/run.sh sample SEED N [--rest]}"; shift 2
    node tools/mutation/sample.mjs --seed "$seed" --n "$n" "$@"
    exec tools/mutation/run-sample.sh "$seed" ;;
  filters)
    files="lib/model/reachability/filters.ts"
    tests="test/model/filters.test.ts,test/model/survivors.test.ts,test/model/reachability.test.ts,test/checks/physical-witnesses.test.ts,test/checks/deployable-witnesses.test.ts" ;;
  address-sets|address-sets-ops)
    # address-sets-ops: lines 169–276, the set operations (setOf … contains) as the file stood on 2026-12-06.
    files="lib/cidr/address-sets.ts"
    [ "$batch" = address-sets-ops ] && files="lib/cidr/address-sets.ts:169-276"
    tests="test/cidr/*.test.ts,test/model/filters.test.ts,test/model/survivors.test.ts,test/checks/property-bfs.test.ts" ;;
  witnesses)
    # The scope and tests of the first measurement (session 5), kept identical so the scores compare.
    files="lib/model/reachability/witness-packet.ts,lib/model/resolve/parameter-constraints.ts,lib/cidr/public-addresses.ts"
    tests="test/model/survivors.test.ts,test/checks/deployable-witnesses.test.ts,test/cidr/*.test.ts" ;;
  *) echo "usage: tools/mutation/run.sh engine|sample SEED N|filters|address-sets|address-sets-ops|witnesses [options]" >&2; exit 2 ;;
esac
mkdir -p tools/mutation/incremental
export MUTATION_TESTS="$tests"
nice -n 19 node tools/mutation/test-index.mjs
exec nice -n 19 npx stryker run tools/mutation/stryker.config.json --mutate "$files" \
  --incrementalFile "tools/mutation/incremental/$batch.json" "$@"
