#!/bin/sh
# Runs one mutation batch — a group of engine files and the test files that exercise them — with StrykerJS,
# niced and on one worker, and keeps its results in tools/mutation/incremental/BATCH.json (Stryker's
# incremental mode): a re-run tests only the mutants whose code or covering tests changed.
# Usage: tools/mutation/run.sh BATCH [extra stryker options]   (add --force to re-test every mutant)
# Scores of every batch run so far: node tools/mutation/score.mjs
set -eu
cd "$(dirname "$0")/../.."
batch="${1:-}"
[ $# -gt 0 ] && shift
case "$batch" in
  filters)
    files="lib/model/reachability/filters.ts"
    # The property tests (test/checks/property-bfs) also exercise this file, at 25 s per mutant here; every
    # survivor of the tests below was read and is equivalent (docs/verify.md), so they could not kill more.
    tests="test/model/filters.test.ts,test/model/survivors.test.ts,test/model/reachability.test.ts,test/checks/physical-witnesses.test.ts,test/checks/deployable-witnesses.test.ts" ;;
  address-sets|address-sets-ops)
    # address-sets-ops: lines 169–276, the set operations (setOf … contains) as the file stood on 2026-12-06 —
    # what every filter and route decision calls.
    files="lib/cidr/address-sets.ts"
    [ "$batch" = address-sets-ops ] && files="lib/cidr/address-sets.ts:169-276"
    tests="test/cidr/*.test.ts,test/model/filters.test.ts,test/model/survivors.test.ts,test/checks/property-bfs.test.ts" ;;
  witnesses)
    # The scope and tests of the first measurement (session 5), kept identical so the scores compare.
    files="lib/model/reachability/witness-packet.ts,lib/model/resolve/parameter-constraints.ts,lib/cidr/public-addresses.ts"
    tests="test/model/survivors.test.ts,test/checks/deployable-witnesses.test.ts,test/cidr/*.test.ts" ;;
  filter-facts)
    files="lib/model/facts/nacl.ts,lib/model/facts/security-groups.ts"
    tests="test/model/filter-facts.test.ts,test/model/survivors.test.ts,test/model/reachability.test.ts,test/checks/physical-witnesses.test.ts,test/checks/deployable-witnesses.test.ts" ;;
  *) echo "usage: tools/mutation/run.sh filters|address-sets|address-sets-ops|witnesses|filter-facts [stryker options]" >&2; exit 2 ;;
esac
mkdir -p tools/mutation/incremental
# MUTATION_TESTS, when set, replaces the batch's test list (a quick first pass without the slow property tests:
# a later full run re-tests only the mutants that pass survived — incremental mode keeps every kill).
MUTATION_TESTS="${MUTATION_TESTS:-$tests}" exec nice -n 10 npx stryker run tools/mutation/stryker.config.json --mutate "$files" \
  --incrementalFile "tools/mutation/incremental/$batch.json" "$@"
