#!/bin/sh
# Run each fuzz target (atheris, coverage-guided; a random-mutation loop if atheris is missing).
# Usage: fuzz/run.sh [SECONDS_PER_TARGET]   (default 20; CI runs it briefly)
# New inputs go to a temporary corpus, never into fuzz/seeds/; a crashing input is written to
# $FUZZ_ARTIFACTS (default /tmp/redflags-fuzz-artifacts) and the script exits 1.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seconds=${1:-20}
python=${PYTHON:-$root/.venv/bin/python}
artifacts=${FUZZ_ARTIFACTS:-/tmp/redflags-fuzz-artifacts}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
status=0
for target in readers descriptor; do
    mkdir -p "$work/$target"
    echo "== fuzz_$target for $seconds s"
    if PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}" "$python" "$here/fuzz_$target.py" \
        "$work/$target" "$here/seeds/$target" -max_total_time="$seconds" -rss_limit_mb=2560 \
        -timeout=10 -artifact_prefix="$artifacts/" >"$work/$target.log" 2>&1; then
        tail -n 2 "$work/$target.log"
    else
        status=1
        grep -v '^INFO: Instrumenting' "$work/$target.log" | tail -n 30
        echo "fuzz_$target: CRASH (input saved under $artifacts)"
    fi
done
exit $status
