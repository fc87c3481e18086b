#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests and the
# benchmark. Installs it with apt when missing; exits non-zero with a clear message
# when it cannot. (Playwright's own browser download is not used: it fails here.)
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "error: Chromium is missing and installing it needs root." >&2
  echo "       Run as root, or: sudo apt-get install -y chromium" >&2
  exit 1
fi

echo "Installing Debian's chromium for the browser tests (about a minute)…"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y chromium >/tmp/chromium-install.log 2>&1; then
  # Stale package lists on a fresh machine: refresh once and retry.
  "${as_root[@]}" apt-get update >>/tmp/chromium-install.log 2>&1 || true
  if ! "${as_root[@]}" apt-get install -y chromium >>/tmp/chromium-install.log 2>&1; then
    tail -n 20 /tmp/chromium-install.log >&2
    echo "error: could not install chromium with apt-get (log: /tmp/chromium-install.log)." >&2
    exit 1
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "error: apt-get finished but /usr/bin/chromium is not there." >&2
  exit 1
fi
echo "Chromium ready: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
