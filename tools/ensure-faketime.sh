#!/usr/bin/env bash
# Debian's faketime for the stable-build test (tests/built/test_stable_build.py builds the site
# as if on another day and compares it with today's build, byte for byte).
set -euo pipefail
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure faketime faketime "the stable-build test"
