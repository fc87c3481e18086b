#!/usr/bin/env bash
# Debian's Chromium for the browser tests and the benchmark: its headless shell, which runs
# nearly all the browser tests (Playwright's own choice for headless), and the whole browser
# (/usr/bin/chromium: the benchmark's Lighthouse, and the tests of what only it does).
# Both come from one Chromium release (they share chromium-common): apt upgrades an older
# chromium as it installs the shell.
# (Playwright's own browser download is not used: it fails here.)
set -euo pipefail
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure /usr/bin/chromium-headless-shell chromium-headless-shell "the browser tests"
apt_ensure /usr/bin/chromium chromium "the browser tests of what only the whole browser does, and the benchmark"
