#!/usr/bin/env bash
# The browser tests drive Debian's chromium (never a downloaded browser). Installs it when missing
# and we may (root with apt-get); otherwise says how.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[alur] installing Debian chromium for the browser tests (apt-get install -y chromium)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "[alur] chromium is missing: run 'sudo apt-get install -y chromium' (Debian) for the browser tests" >&2
exit 1
