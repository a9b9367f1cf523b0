#!/usr/bin/env bash
# Proves a refactor changed no verdict: replays a captured corpus (see jest.capture.config.js) through the
# engine at REF (default: where this branch left main) and at the working tree, and diffs the
# `verify --format json` outputs. Exit 0 and "parity: N identical" when nothing differs.
#
#   tools/parity/compare.sh /tmp/corpus [REF]
set -euo pipefail
corpus=${1:?usage: compare.sh CORPUS_DIR [REF]}
here=$(git rev-parse --show-toplevel)
ref=${2:-$(git -C "$here" merge-base HEAD main)}
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add --detach "$work/base" "$ref" >/dev/null 2>&1
ln -s "$here/node_modules" "$work/base/node_modules"
# The replayer is taken from the working tree so both sides are read the same way.
mkdir -p "$work/base/tools/parity" && cp "$here/tools/parity/replay.ts" "$work/base/tools/parity/replay.ts"
(cd "$work/base" && node -r ./bin/register-ts.js tools/parity/replay.ts "$corpus" "$work/before" >/dev/null)
(cd "$here" && node -r ./bin/register-ts.js tools/parity/replay.ts "$corpus" "$work/after" >/dev/null)
if diff -r "$work/before" "$work/after" > "$work/diff"; then
  echo "parity: $(ls "$work/after" | wc -l) identical verify --format json outputs ($ref → working tree)"
else
  head -100 "$work/diff"; echo "parity: outputs differ ($ref → working tree)"; exit 1
fi
