#!/bin/sh
# Installs the Debian packages Qoima needs that are missing, and nothing else.
#   install-deps.sh run    what building and running needs
#   install-deps.sh test   that, plus what the test suite needs
# Works as root (no sudo needed) or as a user with sudo.
set -eu

run_packages="pkg-config libgtk-4-dev libadwaita-1-dev libglib2.0-dev-bin libglib2.0-bin gettext
    libxml2-dev libsqlite3-dev libssl-dev libsecret-1-dev libcurl4-openssl-dev libxml2-utils adwaita-icon-theme librsvg2-common fonts-noto-core locales-all"
test_packages="xvfb xauth dbus dbus-x11 at-spi2-core desktop-file-utils appstream xmlsec1 gnome-keyring openssl poppler-utils"

case "${1:-run}" in
    run) wanted=$run_packages ;;
    test) wanted="$run_packages $test_packages" ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=""
for package in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing="$missing $package"
done

[ -z "$missing" ] && exit 0
echo "Installing missing Debian packages:$missing"

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "Need root (or sudo) to install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update
# shellcheck disable=SC2086
$as_root apt-get install -y --no-install-recommends $missing
