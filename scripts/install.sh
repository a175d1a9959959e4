#!/bin/sh
# Installs Qoima under a prefix:  install.sh PREFIX BIN_DIR
set -eu
prefix=$1
bin=$2
root=$(cd "$(dirname "$0")/.." && pwd)
share="$prefix/share"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

install -d "$prefix/bin" "$share/applications" "$share/metainfo" \
    "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/symbolic/apps" "$share/glib-2.0/schemas"
install -m 755 "$bin/qoima" "$bin/qoima-cli" "$prefix/bin/"

"$root/scripts/compile-resources.sh" "$root" "$tmp"
cp -R "$tmp/share/locale" "$share/"
install -m 644 "$root"/resources/*.gschema.xml "$share/glib-2.0/schemas/"
glib-compile-schemas "$share/glib-2.0/schemas"

install -m 644 "$root/packaging/kz.qoima.Qoima.desktop" "$share/applications/"
install -m 644 "$root/packaging/kz.qoima.Qoima.metainfo.xml" "$share/metainfo/"
install -m 644 "$root/resources/icons/hicolor/scalable/apps/kz.qoima.Qoima.svg" "$share/icons/hicolor/scalable/apps/"
install -m 644 "$root/resources/icons/hicolor/symbolic/apps/kz.qoima.Qoima-symbolic.svg" "$share/icons/hicolor/symbolic/apps/"
echo "Installed Qoima into $prefix"
