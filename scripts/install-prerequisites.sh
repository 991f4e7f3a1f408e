#!/usr/bin/env bash
# Installs what Tributary needs from Debian/Ubuntu packages and is not on a bare machine:
#   - a JDK (17+) and Maven, to resolve and run the local Apache Kafka broker;
#   - Chromium, for the Playwright end-to-end tests (Playwright's own browser download is not used);
#   - PostgreSQL server binaries, for the JDBC connector tests.
# Node.js 20+ with npm must already be installed. Safe to run again: installed packages are kept.
set -euo pipefail

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

packages=()
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
[ -x /usr/bin/chromium ] || packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)

if [ ${#packages[@]} -eq 0 ]; then
  echo "Prerequisites already installed."
  exit 0
fi
echo "Installing: ${packages[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
