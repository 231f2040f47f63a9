#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packagetest.sh BUILD_DIR VERSION GUI(ON|OFF): installs the build into a scratch prefix with
# `cmake --install`, and (when dpkg-deb is there) makes the Debian package with cpack in a scratch
# folder and unpacks it with `dpkg-deb -x`; in both, runs the installed programs and checks what was
# installed. The package's contents and control fields, the AppStream metainfo
# (appstreamcli validate --no-net) and the desktop entry (desktop-file-validate) are checked too.
# Nothing is written into the source tree. Every failure says what is wrong and exits 1.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: packagetest.sh BUILD_DIR VERSION GUI(ON|OFF)" >&2
  exit 1
fi
build=$(cd "$1" && pwd)
version=$2
gui=$3
app_id=org.undercurrent.Undercurrent

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
die() {
  echo "FAIL: $*" >&2
  exit 1
}
need() {
  command -v "$1" >/dev/null || die "$1 is not installed (Debian package $2; tools/setup installs it)"
}
need appstreamcli appstream
need desktop-file-validate desktop-file-utils

scratch=$(mktemp -d "${TMPDIR:-/tmp}/uc-packagetest.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# The installed programs must not find anything of the build tree or the user's own data.
export HOME=$scratch/home XDG_DATA_HOME=$scratch/home/.local/share XDG_CONFIG_HOME=$scratch/home/.config
export XDG_RUNTIME_DIR=$scratch/runtime QT_QPA_PLATFORM=offscreen
unset UNDERCURRENT_VAULT QML_IMPORT_PATH QML2_IMPORT_PATH QT_PLUGIN_PATH
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

# check_tree ROOT PREFIX WHAT SCREENS: the installed files under ROOT/PREFIX, and the programs run
# from there; with SCREENS=yes, the GUI shows its window too (15 s, so done once).
check_tree() {
  local root=$1 prefix=$2 what=$3 screens=$4
  local base=$root$prefix
  local files=(bin/undercurrent-cli share/man/man1/undercurrent-cli.1.gz share/doc/undercurrent/copyright)
  # The desktop program and what describes it to the desktop: only in a build with the GUI.
  local desktop=(
    bin/undercurrent
    share/man/man1/undercurrent.1.gz
    share/applications/$app_id.desktop
    share/icons/hicolor/scalable/apps/$app_id.svg
    share/metainfo/$app_id.metainfo.xml
  )
  local f
  if [[ $gui == ON ]]; then
    files+=("${desktop[@]}")
  else
    for f in "${desktop[@]}"; do
      [[ ! -e $base/$f ]] || fail "$what: $prefix/$f is installed by a build without the GUI"
    done
  fi
  for f in "${files[@]}"; do
    [[ -f $base/$f ]] || fail "$what: $prefix/$f is missing"
  done
  # The screenshot driver is a tool of the source tree, never part of what is installed.
  [[ ! -e $base/bin/undercurrent-screenshots ]] || fail "$what: $prefix/bin/undercurrent-screenshots is installed"
  [[ -x $base/bin/undercurrent-cli ]] || { fail "$what: no runnable $prefix/bin/undercurrent-cli"; return; }

  local out
  out=$(cd "$scratch" && "$base/bin/undercurrent-cli" --version) || fail "$what: undercurrent-cli --version exited $?"
  [[ $out == "undercurrent-cli $version"* ]] || fail "$what: undercurrent-cli --version printed '${out%%$'\n'*}', not 'undercurrent-cli $version'"
  grep -q '^SQLCipher 4\.' <<<"$out" || fail "$what: undercurrent-cli --version names no SQLCipher 4.x"
  out=$(cd "$scratch" && echo "she drinks when she feels abandoned" | "$base/bin/undercurrent-cli" tag) \
    || fail "$what: undercurrent-cli tag exited $?"
  grep -q '"abandonment-driven-use"' <<<"$out" \
    || fail "$what: undercurrent-cli tag did not find abandonment-driven-use in 'she drinks when she feels abandoned': $out"

  # The manual: the version of the program, and every command of its --help.
  local manual
  manual=$(gzip -dc "$base/share/man/man1/undercurrent-cli.1.gz") || { fail "$what: the manual is not gzip"; return; }
  grep -q "^\.TH UNDERCURRENT-CLI 1 .*\"Undercurrent $version\"" <<<"$manual" \
    || fail "$what: the manual's .TH line does not name Undercurrent $version"
  local cmd
  for cmd in $("$base/bin/undercurrent-cli" --help | awk '/^  [a-z]/ { print $1 }' | sort -u); do
    # A hyphen in a command's name is written \- in the manual, so it copies as typed.
    local pattern=${cmd//-/'\\-'}
    grep -q "^\.B $pattern\b" <<<"$manual" || fail "$what: the manual does not describe the command '$cmd' of --help"
  done
  if command -v groff >/dev/null; then
    local warnings
    warnings=$(groff -man -Tutf8 -ww -z <<<"$manual" 2>&1)
    [[ -z $warnings ]] || fail "$what: groff warns about the manual: $warnings"
  fi

  if [[ $gui == ON && -x $base/bin/undercurrent ]]; then
    grep -q "<release version=\"$version\"" "$base/share/metainfo/$app_id.metainfo.xml" \
      || fail "$what: the metainfo has no <release version=\"$version\">"
    out=$(cd "$scratch" && "$base/bin/undercurrent" --version) || fail "$what: undercurrent --version exited $?"
    [[ $out == "undercurrent $version"* ]] || fail "$what: undercurrent --version printed '${out%%$'\n'*}'"
  fi
  if [[ $gui == ON && $screens == yes && -x $base/bin/undercurrent ]]; then
    # The QML is compiled in: the installed program loads every screen's QML with nothing but
    # itself and the system's Qt, and draws its window (the first-run screen: no vault here).
    # Still running after 15 s is the good outcome; a QML error ends it at once with exit 1.
    local log=$scratch/window.log rc=0
    (cd "$scratch" && QT_QUICK_BACKEND=software QT_LOGGING_RULES='qt.scenegraph.time.renderloop=true;undercurrent.*.info=false' \
      timeout 15 "$base/bin/undercurrent" >/dev/null 2>"$log") || rc=$?
    if [[ $rc -ne 124 ]]; then
      fail "$what: undercurrent exited $rc instead of showing its window: $(cat "$log")"
    elif ! grep -q 'Frame rendered' "$log"; then
      fail "$what: undercurrent drew no frame in 15 s: $(cat "$log")"
    elif grep -q 'qrc:/' "$log"; then
      fail "$what: undercurrent's QML warned: $(grep 'qrc:/' "$log")"
    fi
  fi
}

# ---- cmake --install into a prefix
prefix=$scratch/prefix
cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1 \
  || die "cmake --install failed: $(cat "$scratch/install.log")"
screens=yes
if command -v dpkg-deb >/dev/null; then
  screens=no # the window is shown from the package instead
fi
check_tree "" "$prefix" "cmake --install" "$screens"

if [[ $gui == ON ]]; then
  metainfo=$prefix/share/metainfo/$app_id.metainfo.xml
  entry=$prefix/share/applications/$app_id.desktop
  appstreamcli validate --no-net "$metainfo" >"$scratch/appstream.log" 2>&1 \
    || fail "appstreamcli validate --no-net refuses the metainfo: $(cat "$scratch/appstream.log")"
  desktop-file-validate "$entry" >"$scratch/desktop.log" 2>&1 \
    || fail "desktop-file-validate refuses the desktop entry: $(cat "$scratch/desktop.log")"
  # The metainfo's id and launchable name the desktop entry; the entry names the icon and the program.
  grep -q "<id>$app_id</id>" "$metainfo" || fail "the metainfo's <id> is not $app_id"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "the metainfo's launchable is not $app_id.desktop"
  grep -qx "Icon=$app_id" "$entry" || fail "the desktop entry's Icon is not $app_id"
  grep -qx "Exec=undercurrent" "$entry" || fail "the desktop entry does not run undercurrent"
fi

# ---- the Debian package
if ! command -v dpkg-deb >/dev/null; then
  echo "dpkg-deb is not installed: the Debian package is not checked"
else
  need cpack cmake
  need dpkg-shlibdeps dpkg-dev
  out=$scratch/cpack
  cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$scratch/cpack.log" 2>&1 \
    || die "cpack -G DEB failed: $(cat "$scratch/cpack.log")"
  arch=$(dpkg --print-architecture)
  deb=$out/undercurrent_${version}_$arch.deb
  [[ -f $deb ]] || die "cpack made no $(basename "$deb"): $(ls "$out")"

  contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
  expected=(./usr/bin/undercurrent-cli ./usr/share/man/man1/undercurrent-cli.1.gz)
  if [[ $gui == ON ]]; then
    expected+=(
      ./usr/bin/undercurrent
      ./usr/share/man/man1/undercurrent.1.gz
      ./usr/share/applications/$app_id.desktop
      ./usr/share/icons/hicolor/scalable/apps/$app_id.svg
      ./usr/share/metainfo/$app_id.metainfo.xml
    )
  fi
  for f in "${expected[@]}"; do
    grep -qx -- "$f" <<<"$contents" || fail "the package does not hold $f"
  done
  # Only the programs and their data: no tests, benchmarks, screenshot driver, headers or static
  # libraries.
  stray=$(grep -E '\.(a|h)$|/bin/.*(test|bench|fuzz|screenshot)' <<<"$contents" || true)
  [[ -z $stray ]] || fail "the package holds files it should not: $stray"

  field() { dpkg-deb -f "$deb" "$1"; }
  [[ $(field Package) == undercurrent ]] || fail "Package is '$(field Package)', not undercurrent"
  [[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', not $version"
  [[ $(field Architecture) == "$arch" ]] || fail "Architecture is '$(field Architecture)', not $arch"
  [[ -n $(field Maintainer) ]] || fail "the package has no Maintainer"
  [[ -n $(field Section) ]] || fail "the package has no Section"
  summary=$(field Description)
  [[ ${summary%%$'\n'*} == *"session notes"* ]] || fail "the Description's summary does not say what the program is: ${summary%%$'\n'*}"
  depends=$(field Depends)
  # Shared libraries (dpkg-shlibdeps), then what is loaded at run time and must be named by hand.
  wanted=(libsqlcipher1 libsodium23 libqt6core6 libc6)
  [[ $gui == OFF ]] || wanted+=(libqt6quick6 qt6-qpa-plugins qml6-module-qtquick qml6-module-qtquick-controls
    qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-dialogs
    qml6-module-qtquick-window qml6-module-qtcharts qml6-module-qtcore qml6-module-qt-labs-folderlistmodel)
  for p in "${wanted[@]}"; do
    grep -Eq "(^|, )$p( \(|,|$)" <<<"$depends" || fail "Depends does not name $p: $depends"
  done
  grep -Eq 'libsqlcipher1 \(>= 4\.5' <<<"$depends" || fail "Depends does not ask for SQLCipher >= 4.5: $depends"
  # Every Qt module the app's QML imports must be a dependency, under Debian's name for it
  # (QtQuick.Controls: qml6-module-qtquick-controls).
  if [[ $gui == ON ]]; then
    source_dir=$(sed -n 's/^Undercurrent_SOURCE_DIR:STATIC=//p' "$build/CMakeCache.txt")
    [[ -d $source_dir/qml ]] || die "no qml/ folder in the source tree '$source_dir' named by $build/CMakeCache.txt"
    qml_files=$(find "$source_dir/qml" -name '*.qml')
    [[ -n $qml_files ]] || die "no QML files under $source_dir/qml"
    # shellcheck disable=SC2086 # one path a line, none with spaces
    for module in $(sed -n 's/^import \([A-Za-z][A-Za-z.]*\).*/\1/p' $qml_files | sort -u); do
      [[ $module == Undercurrent ]] && continue
      p=qml6-module-$(tr 'A-Z.' 'a-z-' <<<"$module")
      grep -Eq "(^|, )$p( \(|,|$)" <<<"$depends" || fail "the QML imports $module, but Depends does not name $p"
    done
  fi

  root=$scratch/root
  dpkg-deb -x "$deb" "$root" || die "dpkg-deb -x failed"
  check_tree "$root" /usr "the package" yes
fi

if ((failures > 0)); then
  echo "packagetest: $failures check(s) failed" >&2
  exit 1
fi
echo "packagetest: cmake --install$(command -v dpkg-deb >/dev/null && echo ' and the Debian package'): all checks passed"
