#!/usr/bin/env bash
# The full check behind test/unit/install.test.ts: a complete `npm ci` of this project in a copy,
# with python, make and the C/C++ compilers failing on PATH, as on a Windows or macOS laptop
# without build tools. Takes about a minute (the unit test installs better-sqlite3 alone).
# Usage: bash bench/npm-ci-without-python.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/fakebin" "$work/project"
for tool in python python3 make gmake cc gcc g++ c++ clang clang++; do
  printf '#!/bin/sh\necho "$0: not installed" >&2\nexit 127\n' > "$work/fakebin/$tool"
  chmod +x "$work/fakebin/$tool"
done
cp -r "$root/package.json" "$root/package-lock.json" "$root/scripts" "$work/project/"
node="$(command -v node)"
[ -x "$root/node_modules/.bin/node" ] && node="$(readlink -f "$root/node_modules/.bin/node")"
cd "$work/project"
start=$(date +%s)
PATH="$work/fakebin:$(dirname "$node"):/usr/bin:/bin" npm ci --no-audit --no-fund
echo "npm ci without build tools: ok in $(( $(date +%s) - start )) s"
test ! -e node_modules/better-sqlite3/build || { echo "better-sqlite3 was compiled (build/ exists)"; exit 1; }
"$node" -e 'const D=require("better-sqlite3"); console.log("SQLite", new D(":memory:").prepare("select sqlite_version() v").get().v, "from the prebuilt binary")'
