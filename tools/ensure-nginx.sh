#!/usr/bin/env bash
# Make sure Debian's nginx is at /usr/sbin/nginx for the self-hosting test
# (tests/e2e/test_nginx.py runs deploy/nginx/site.conf on a local port as this user).
# Installs it with apt when missing, without starting the system's nginx service:
# the test starts its own, on its own port.
set -euo pipefail

if [ -x /usr/sbin/nginx ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "error: nginx is missing and installing it needs root." >&2
  echo "       Run as root, or: sudo apt-get install -y nginx-light" >&2
  exit 1
fi

# policy-rc.d exit 101 = "don't start services": apt would otherwise start nginx on port 80.
policy=/usr/sbin/policy-rc.d
own_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod +x "$policy"
  own_policy=true
fi
cleanup() { if $own_policy; then "${as_root[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

echo "Installing Debian's nginx-light for the self-hosting test…"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends nginx-light >/tmp/nginx-install.log 2>&1; then
  "${as_root[@]}" apt-get update >>/tmp/nginx-install.log 2>&1 || true
  if ! "${as_root[@]}" apt-get install -y --no-install-recommends nginx-light >>/tmp/nginx-install.log 2>&1; then
    tail -n 20 /tmp/nginx-install.log >&2
    echo "error: could not install nginx-light with apt-get (log: /tmp/nginx-install.log)." >&2
    exit 1
  fi
fi
[ -x /usr/sbin/nginx ] || { echo "error: apt-get finished but /usr/sbin/nginx is not there." >&2; exit 1; }
echo "nginx ready: $(/usr/sbin/nginx -v 2>&1)"
