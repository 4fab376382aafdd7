#!/usr/bin/env bash
# Smoke test of what a user receives: `npm pack` the root package and the linux-x64-gnu
# platform package, install both tarballs into a fresh project, then use the package from
# ESM, CommonJS, the `wacht-emulator` bin and TypeScript (`tsc --strict`, node16 and bundler).
# Needs the generated loader (native.js/native.d.ts) and wacht.linux-x64-gnu.node in the repo
# root, i.e. a previous `npm run build` / `npm run build:debug` (it does not build anything).
# Prints PASS/FAIL per check and exits non-zero if any check fails.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
smoke_src="$root/.ci/smoke"
plat=linux-x64-gnu
binary="wacht.$plat.node"
copied="$root/npm/$plat/$binary"

passed=0
failed=0
pass() { printf 'PASS  %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failed=$((failed + 1)); }
finish() {
  echo
  echo "smoke: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
  exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wacht-smoke.XXXXXX")
cleanup() {
  rm -f "$copied"
  rm -rf "$tmp"
}
trap cleanup EXIT

# run NAME CMD...: run a check, show its output indented, PASS/FAIL by exit status.
run() {
  local name=$1
  shift
  local out status
  out=$("$@" 2>&1)
  status=$?
  [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/      /' | tail -n 40
  if [ "$status" -eq 0 ]; then pass "$name"; else fail "$name (exit $status)"; fi
  return "$status"
}

for f in native.js native.d.ts "$binary"; do
  if [ ! -f "$f" ]; then
    fail "prerequisite: $f is missing (run npm run build first)"
    finish
  fi
done

mkdir -p "$tmp/tarballs" "$tmp/app"

# --ignore-scripts: `prepare` would rebuild the addon; the smoke test packs what is built.
pack_root() { (cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$tmp/tarballs" >/dev/null); }
run "npm pack (root @wacht/backend)" pack_root || finish

cp "$binary" "$copied" || { fail "copy $binary into npm/$plat"; finish; }
pack_plat() { (cd "$root/npm/$plat" && npm pack --ignore-scripts --silent --pack-destination "$tmp/tarballs" >/dev/null); }
run "npm pack (npm/$plat)" pack_plat || finish
rm -f "$copied"

root_tgz=$(ls "$tmp"/tarballs/wacht-backend-[0-9]*.tgz 2>/dev/null | head -n 1)
plat_tgz=$(ls "$tmp"/tarballs/wacht-backend-"$plat"-*.tgz 2>/dev/null | head -n 1)
[ -n "$root_tgz" ] && [ -n "$plat_tgz" ] || { fail "tarballs not found in $tmp/tarballs"; finish; }

check_root_contents() {
  local list missing=0
  list=$(tar -tzf "$root_tgz") || return 1
  for f in package.json README.md index.js index.mjs index.d.ts native.js native.d.ts \
    testing.js testing.mjs testing.d.ts bin/wacht-emulator.js lib/native.js lib/client.js; do
    grep -qx "package/$f" <<<"$list" || { echo "missing: $f"; missing=1; }
  done
  # Nothing that belongs elsewhere: binaries live in the platform packages.
  if grep -E '\.node$|^package/(src|crates|target|npm|__test__|node_modules)/' <<<"$list"; then
    echo "unexpected files above"
    missing=1
  fi
  echo "$(wc -l <<<"$list") files, $(du -h "$root_tgz" | cut -f1)"
  return "$missing"
}
run "root tarball has the entry points, lib/, bin/, the generated loader; no .node" check_root_contents

check_plat_contents() {
  local list
  list=$(tar -tzf "$plat_tgz") || return 1
  echo "$list" | tr '\n' ' '
  echo
  grep -qx "package/$binary" <<<"$list" && grep -qx 'package/package.json' <<<"$list"
}
run "platform tarball has $binary" check_plat_contents

cd "$tmp/app" || finish
npm init -y >/dev/null 2>&1
install_tarballs() { npm install --offline --no-audit --no-fund "$root_tgz" "$plat_tgz"; }
run "npm install both tarballs (offline)" install_tarballs || finish
install_ts() { npm install --prefer-offline --no-audit --no-fund --save-dev typescript@5 @types/node@20; }
run "npm install typescript@5 @types/node@20" install_ts

cp "$smoke_src"/esm.mjs "$smoke_src"/cjs.cjs "$smoke_src"/types.mts .
run "ESM: import from '@wacht/backend' and '@wacht/backend/testing', create/get/delete, NotFoundError" node esm.mjs
run "CJS: require('@wacht/backend'), binary from @wacht/backend-$plat" node cjs.cjs

cli_help() {
  local out
  out=$(npx --no-install wacht-emulator --help 2>&1) || { echo "$out"; return 1; }
  echo "$out" | head -n 3
  grep -q 'usage: wacht-emulator' <<<"$out"
}
run "npx wacht-emulator --help" cli_help

if [ -x node_modules/.bin/tsc ]; then
  run "tsc --strict --noEmit (module node16, moduleResolution node16)" \
    node_modules/.bin/tsc --strict --noEmit --target es2022 --module node16 --moduleResolution node16 types.mts
  run "tsc --strict --noEmit (module esnext, moduleResolution bundler)" \
    node_modules/.bin/tsc --strict --noEmit --target es2022 --module esnext --moduleResolution bundler types.mts
else
  fail "tsc not installed; TypeScript checks not run"
fi

finish
