#!/usr/bin/env bash
# Java for the Nu HTML checker (vnu.jar) in tests/built/test_html_valid.py.
set -euo pipefail
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure java default-jre-headless "the HTML validator"
