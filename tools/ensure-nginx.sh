#!/usr/bin/env bash
# Debian's nginx for the self-hosting test (tests/e2e/test_nginx.py runs deploy/nginx/site.conf
# on a local port of its own; the system's nginx service is not started).
set -euo pipefail
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure /usr/sbin/nginx nginx-light "the self-hosting test"
