#!/bin/sh
# Startup benchmark: runs `qoima --benchmark-startup` N times, prints each first-frame-ms and the median.
#   bench-startup.sh BINARY [N]
set -eu
binary=$1
runs=${2:-5}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
    HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" "$binary" --benchmark-startup \
        | sed -n 's/^first-frame-ms: //p' >> "$scratch/times"
    i=$((i + 1))
done
echo "first-frame-ms runs: $(tr '\n' ' ' < "$scratch/times")"
echo "first-frame-ms median: $(sort -n "$scratch/times" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')"
