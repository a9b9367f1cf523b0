#!/bin/sh
# Scores a sample drawn by tools/mutation/sample.mjs: Stryker over the files that hold drawn mutants, with the
# sample checker (sample-checker.mjs) letting only the drawn mutants reach the tests (--concurrency 2: one checker
# and one test runner, then two runners once the checker has sorted the mutants, in seconds). Niced to 19; results in
# tools/mutation/incremental/sample-SEED-report.json, never merged into the full run's engine.json.
# Usage: tools/mutation/run-sample.sh SEED [stryker options]      Score: node tools/mutation/score.mjs --sample SEED
set -eu
cd "$(dirname "$0")/../.."
seed="${1:?usage: tools/mutation/run-sample.sh SEED [stryker options]}"
shift
sample="tools/mutation/incremental/sample-$seed.json"
[ -f "$sample" ] || { echo "no $sample: draw it first (node tools/mutation/sample.mjs --seed $seed --n N)" >&2; exit 2; }
nice -n 19 node tools/mutation/test-index.mjs
mutate=$(node -e "const s=require('./$sample'); console.log([...new Set(s.mutants.map((m) => m.file))].join(','))")
MUTATION_SAMPLE="$(pwd)/$sample" exec nice -n 19 npx stryker run tools/mutation/stryker.config.json \
  --mutate "$mutate" --checkers sample --plugins "@stryker-mutator/jest-runner,$(pwd)/tools/mutation/sample-checker.mjs" \
  --concurrency 2 --incrementalFile "tools/mutation/incremental/sample-$seed-report.json" "$@"
