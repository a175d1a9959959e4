#!/bin/sh
# Checks an installed copy (make install-check): both executables report the same version, the
# command line carries the working-day calendar, and the GUI finds its embedded UI, its
# translations and its settings schema under the prefix alone, with the build tree's data hidden.
set -eu
prefix=$1
gui="$prefix/bin/qoima"
cli="$prefix/bin/qoima-cli"
[ "$("$gui" --version)" = "$("$cli" --version)" ] || { echo "versions differ" >&2; exit 1; }
for lang in kk ru en; do
    [ -f "$prefix/share/locale/$lang/LC_MESSAGES/qoima.mo" ] || { echo "no $lang catalogue" >&2; exit 1; }
done
# The working-day calendar is inside the executable: Nauryz 2026 pushes the deadline to 30 March.
[ "$("$cli" magazine deadline --restored 20.03.2026 | head -n 1)" = "30.03.2026" ] \
    || { echo "the installed qoima-cli does not know Kazakhstan's holidays" >&2; exit 1; }
data=$(PATH="$prefix/bin:$PATH" qoima --show-paths | sed -n 's/^data: //p')
[ "$data" = "$(cd "$prefix" && pwd)/share" ] || { echo "the installed copy reads its data from $data" >&2; exit 1; }
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
# Started through PATH, as a desktop launcher would; it finds its data next to its own binary.
HOME="$shots" XDG_CONFIG_HOME="$shots/config" LANG=kk_KZ.UTF-8 \
    dbus-run-session -- xvfb-run -a env GSK_RENDERER=cairo GTK_A11Y=none PATH="$prefix/bin:$PATH" qoima --screenshots "$shots" >/dev/null
[ -s "$shots/outgoing-light.png" ] && [ -s "$shots/incoming-document-dark.png" ] || { echo "the installed copy made no screenshot" >&2; exit 1; }
echo "installed copy OK: $prefix"
