#!/usr/bin/env bash
# What a plugin user's package resolves and builds: Examples/MeetingsConsumer (APIGenRuntime and
# the build plugin, no opt-in integration) in a fresh clone of a commit, cold.
#   Scripts/bench-consumer.sh [commit]    # default HEAD
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=${1:-HEAD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" worktree add -q --detach "$work/clone" "$commit"
trap 'git -C "$repo" worktree remove --force "$work/clone"; rm -rf "$work"' EXIT
cd "$work/clone/Examples/MeetingsConsumer"
swift package resolve >/dev/null 2>&1
echo "packages resolved: $(swift package show-dependencies --format flatlist 2>/dev/null | sort | tr '\n' ' ')"
echo "cloned into .build/checkouts: $(ls .build/checkouts 2>/dev/null | tr '\n' ' ')"
start=$(date +%s%N)
swift build >/dev/null 2>&1
printf 'cold swift build of Examples/MeetingsConsumer at %s: %.1f s\n' "$(git rev-parse --short HEAD)" "$(echo "($(date +%s%N) - $start) / 1000000000" | bc -l)"
