#!/usr/bin/env bash
# Start a two-node Ray cluster on loopback for the `ray` test tier (storyline.read.ray_reader), and
# print on stdout
#   export STORYLINE_TEST_RAY_ADDRESS=127.0.0.1:PORT RAY_AUTH_MODE=token
# (everything else goes to stderr), so that CI can run:  eval "$(bash .ci/ray.sh)"
#
# - A head node and a second node, one CPU each, both on 127.0.0.1: actors spread over two
#   raylets as they would over two machines. Port: $STORYLINE_RAY_PORT (default 6390).
# - Uses the ray of the project's virtual environment ($VENV, default .venv): its workers then
#   import storyline from the same environment, as every node of a real cluster must.
# - Token authentication on (Ray's default); the token is the user's ~/.ray/auth_token, made
#   here when missing (a fresh machine has none).
# - Bounded: every start has a timeout.
#
# `bash .ci/ray.sh stop` stops both nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
RAY="$VENV/bin/ray"
PORT=${STORYLINE_RAY_PORT:-6390}
export RAY_AUTH_MODE=token RAY_USAGE_STATS_ENABLED=0
log() { echo "ray.sh: $*" >&2; }

[ -x "$RAY" ] || { log "no $RAY: run 'make install' first (ray comes with the test extras)"; exit 1; }
if [ "${1:-}" = stop ]; then
  timeout 120 "$RAY" stop --force >&2 || true
  exit 0
fi
# A fresh machine has no token yet: Ray refuses to start with token authentication and none
# (AuthenticationError). Made once, kept in ~/.ray/auth_token, where the nodes and the tests read it.
if [ -z "${RAY_AUTH_TOKEN:-}" ] && [ -z "${RAY_AUTH_TOKEN_PATH:-}" ] && [ ! -s "$HOME/.ray/auth_token" ]; then
  timeout 60 "$RAY" get-auth-token --generate >/dev/null || { log "could not create a Ray auth token"; exit 1; }
fi
if ! timeout 60 "$RAY" status --address "127.0.0.1:$PORT" >/dev/null 2>&1; then
  timeout 300 "$RAY" start --head --node-ip-address=127.0.0.1 --port="$PORT" --num-cpus=1 \
    --include-dashboard=false --disable-usage-stats >&2 || { log "the head node did not start"; exit 1; }
  timeout 300 "$RAY" start --address="127.0.0.1:$PORT" --node-ip-address=127.0.0.1 --num-cpus=1 \
    --disable-usage-stats >&2 || { log "the second node did not start"; exit 1; }
fi
echo "export STORYLINE_TEST_RAY_ADDRESS=127.0.0.1:$PORT RAY_AUTH_MODE=token"
