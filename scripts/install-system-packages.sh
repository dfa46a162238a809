#!/bin/sh
# System packages the test suite needs: Chromium for the browser tests, gettext for the
# translation catalogues, Java for the Nu HTML checker. Debian packages only.
set -e
PACKAGES="${*:-chromium chromium-driver gettext default-jre-headless}"
missing=""
for pkg in $PACKAGES; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing system packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
