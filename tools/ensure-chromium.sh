#!/usr/bin/env bash
# Debian's Chromium at /usr/bin/chromium for the browser tests and the benchmark.
# (Playwright's own browser download is not used: it fails here.)
set -euo pipefail
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure /usr/bin/chromium chromium "the browser tests"
