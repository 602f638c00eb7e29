#!/usr/bin/env bash
# A generated client against a real server nobody here wrote: installs Prefect's API server (a
# workflow orchestrator) from PyPI into a virtual environment, starts it on 127.0.0.1 with its
# embedded SQLite store, generates a client from the OpenAPI document it serves, checks that the
# client compiles without warnings, and runs the workflow in Tests/RealServer.
#   Scripts/real-server-workflow.sh            (PREFECT_VERSION=3.9.1 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${PREFECT_VERSION:-3.9.1}
port=${PREFECT_PORT:-4299}
work=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

if ! python3 -m venv "$work/venv" || ! "$work/venv/bin/pip" install -q "prefect==$version" > "$work/pip.log" 2>&1; then
    tail -5 "$work/pip.log" 2>/dev/null || true
    echo "skipped: prefect==$version could not be installed from PyPI"
    exit 0
fi

mkdir -p "$work/home"
PREFECT_HOME="$work/home" PREFECT_SERVER_ANALYTICS_ENABLED=false PREFECT_UI_ENABLED=false \
    "$work/venv/bin/prefect" server start --host 127.0.0.1 --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; echo "the server stopped"; exit 1; }
    sleep 1
done
curl -sf "http://127.0.0.1:$port/api/openapi.json" -o "$work/openapi.json"

swift build -q --product apigen
rm -rf Tests/RealServer/Sources/PrefectClient
.build/debug/apigen generate "$work/openapi.json" --output Tests/RealServer/Sources/PrefectClient --quiet
output=$(swift build --package-path Tests/RealServer 2>&1) || { echo "$output"; exit 1; }
warnings=$(echo "$output" | grep -E "PrefectClient/.*warning:" || true)
if [ -n "$warnings" ]; then echo "$warnings"; echo "the generated Prefect client compiles with warnings"; exit 1; fi
echo "prefect $version: $(grep -c '^    public func' Tests/RealServer/Sources/PrefectClient/APIGen.swift) client methods generated; running the workflow"
Tests/RealServer/.build/debug/PrefectWorkflow "http://127.0.0.1:$port/api"
