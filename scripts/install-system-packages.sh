#!/bin/sh
# System tools the project needs, from Debian's packages, installed only when missing:
#   chromium (+ chromium-driver)  browser tests (Playwright drives Debian's Chromium)
#   msgfmt (gettext)               compiling the translation catalogues
#   java (a headless JRE)          the Nu HTML checker (vnu.jar)
#   varnishd (+ varnish-modules)   the Varnish test of the shared cache in front (xkey purges)
#   weasyprint (pango, fonts)     printed labels and catalogs as PDF (printing/)
#   wrk                            optional: HTTP load for `make bench` (asked for by name only)
# With arguments, only those tools are checked: install-system-packages.sh msgfmt
set -e
TOOLS="${*:-chromium msgfmt java varnishd weasyprint}"
missing=""
for tool in $TOOLS; do
    if [ "$tool" = varnishd ]; then
        # The xkey module comes in varnish-modules; varnishd lives in /usr/sbin.
        if [ -x /usr/sbin/varnishd ] && ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then
            continue
        fi
        missing="$missing varnish varnish-modules"
        continue
    fi
    if [ "$tool" = weasyprint ]; then
        # WeasyPrint lays text out with Pango (through cffi) and needs real fonts to embed.
        if ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' && [ -d /usr/share/fonts/truetype/dejavu ]; then
            continue
        fi
        missing="$missing libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
        continue
    fi
    command -v "$tool" >/dev/null 2>&1 && continue
    case "$tool" in
        chromium) missing="$missing chromium chromium-driver" ;;
        msgfmt | gettext) missing="$missing gettext" ;;
        java) missing="$missing default-jre-headless" ;;
        wrk) missing="$missing wrk" ;;
        *) echo "unknown tool: $tool" >&2; exit 2 ;;
    esac
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
