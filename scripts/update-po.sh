#!/bin/sh
# Extracts translatable strings from ui/*.ui and Sources/**/*.swift into resources/po/qoima.pot
# and merges them into each catalogue. Run as `make po`, then translate what is new.
set -eu
cd "$(dirname "$0")/.."
pot=${1:-resources/po/qoima.pot}
tmp=$(mktemp -d)
find ui -name '*.ui' | sort > "$tmp/ui"
find Sources -name '*.swift' | sort > "$tmp/swift"
xgettext --from-code=UTF-8 --package-name=qoima --msgid-bugs-address=https://qoima.kz \
    --add-comments=TRANSLATORS: -f "$tmp/ui" -o "$tmp/ui.pot"
# xgettext has no Swift mode; C mode reads plain "…" literals passed to tr(…) and trn(…, …).
xgettext --from-code=UTF-8 --language=C --keyword= --keyword=tr --keyword=trn:1,2 --add-comments=TRANSLATORS: \
    -f "$tmp/swift" -o "$tmp/swift.pot"
msgcat --use-first "$tmp/ui.pot" "$tmp/swift.pot" -o "$pot"
if [ "${1:-}" = "" ]; then
    for po in resources/po/*.po; do
        msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
    done
fi
rm -rf "$tmp"
