#!/usr/bin/env bash
# Shared by tools/ensure-*.sh: install one Debian package the tests need when its program is
# missing, as root or with passwordless sudo; a clear message when that is not possible.
#   apt_ensure PROGRAM PACKAGE "what it is for"
# Services a package would start (nginx) are not started: policy-rc.d says no for the install.
set -euo pipefail

apt_ensure() {
  local program=$1 package=$2 purpose=$3 log="/tmp/$2-install.log"
  if [ -x "$program" ] || command -v "$program" >/dev/null 2>&1; then
    return 0
  fi
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "error: $program is missing ($purpose) and installing it needs root." >&2
      echo "       Run as root, or: sudo apt-get install -y $package" >&2
      exit 1
    fi
  fi
  local policy=/usr/sbin/policy-rc.d own_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
    "${as_root[@]}" chmod +x "$policy"
    own_policy=true
  fi
  echo "Installing Debian's $package ($purpose)…"
  export DEBIAN_FRONTEND=noninteractive
  local installed=true
  if ! "${as_root[@]}" apt-get install -y "$package" >"$log" 2>&1; then
    # Stale package lists on a fresh machine: refresh once and retry.
    "${as_root[@]}" apt-get update >>"$log" 2>&1 || true
    "${as_root[@]}" apt-get install -y "$package" >>"$log" 2>&1 || installed=false
  fi
  if $own_policy; then "${as_root[@]}" rm -f "$policy"; fi
  if ! $installed; then
    tail -n 20 "$log" >&2
    echo "error: could not install $package with apt-get (log: $log)." >&2
    exit 1
  fi
  if ! [ -x "$program" ] && ! command -v "$program" >/dev/null 2>&1; then
    echo "error: apt-get installed $package but $program is not there." >&2
    exit 1
  fi
}
