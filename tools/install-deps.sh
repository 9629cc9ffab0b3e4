#!/bin/sh
# Install the Debian 12 packages dyad needs to build, test and run, if any
# is missing. Uses sudo when not run as root.
set -e
# nodejs, npm and iso-codes build the gazetteer of places (docs/PLACES.md)
PKGS="make gcc libc6-dev libutf8proc-dev liblingua-en-tagger-perl python3 iso-codes"
# a Node.js from elsewhere (e.g. NodeSource, which bundles npm and conflicts
# with Debian's npm package) is used as it is
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
[ "${1:-}" = "--test" ] && PKGS="$PKGS clang valgrind g++"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
