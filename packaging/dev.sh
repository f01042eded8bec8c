#!/usr/bin/env bash
# Vigil developer entry point: installs the Debian/Ubuntu packages that are missing, configures and
# builds with a CMake preset, then runs, tests, benchmarks or packages.
#
#   packaging/dev.sh run [-- vigil args]     demo GUI (under Xvfb with a screenshot when headless)
#   packaging/dev.sh test                    build everything and run every CTest test
#   packaging/dev.sh bench [-- args]         vigilctl bench render
#   packaging/dev.sh package                 .deb via CPack (release preset)
#   packaging/dev.sh build | deps | format [--check] | help
#
# Environment:
#   CI=true             use the "ci" preset (dev + -Werror); no prompts, no stdin needed
#   VIGIL_PRESET=NAME   force a preset (dev, release, asan, ci)
#   VIGIL_SKIP_DEPS=1   do not check or install system packages
#
# Supported: Debian 12 (bookworm) and Ubuntu 24.04 (noble), both with Qt 6.4.
set -euo pipefail

# System packages. One entry per line; "a|b" means "a, or b where this distribution has no a"
# (for names that differ between distributions or releases). Add new dependencies here.
VIGIL_APT_PACKAGES=(
    cmake
    ninja-build
    g++
    ccache
    pkg-config
    qt6-base-dev
    qt6-base-private-dev
    qt6-charts-dev
    qt6-multimedia-dev
    libqt6opengl6-dev
    qt6-tools-dev
    qt6-tools-dev-tools
    qt6-l10n-tools
    qt6-qpa-plugins
    libgl-dev
    libgl1-mesa-dri
    libxkbcommon-dev
    xvfb
    xauth
    fonts-dejavu-core
    clang-format
    libsqlcipher-dev # the encrypted cache (SQLCipher 3.4 on Debian 12, 4.x on Ubuntu 24.04)
    libssl-dev # key wrapping (scrypt, AES-256-GCM)
    libedf-dev # EDF/EDF+ file import (EDFlib; header <edflib.h>)
    qtkeychain-qt6-dev # optional: the wrapped cache key in the OS keychain (VIGIL_KEYCHAIN)
    gnome-keyring # tests: a private Secret Service for the keychain tests
    libsecret-1-0 # QtKeychain's Secret Service backend (loaded at run time)
    dbus # tests: dbus-run-session, the keychain tests' private session bus
    libpaho-mqttpp-dev # MQTT live feed (Eclipse Paho C++ over Paho C)
    libpaho-mqtt-dev
    mosquitto # tests and bench ingest: a real local broker
    mosquitto-clients
    openssl # tests: a throwaway PKI for the MQTT TLS tests
    poppler-utils # tests: pdftoppm and pdftotext check the printed ECG strip and reports
    clang # tests/fuzz: the libFuzzer build (CC=clang CXX=clang++ -DVIGIL_FUZZ=ON)
    "libclang-rt-dev|libclang-rt-14-dev" # libFuzzer and the sanitizer runtimes for that clang
)

# Only for "package": CPack's DEB generator needs dpkg-shlibdeps (dpkg-dev) and file(1) for
# CPACK_DEBIAN_PACKAGE_SHLIBDEPS.
VIGIL_APT_PACKAGES_PACKAGING=(
    dpkg-dev
    file
)

XVFB_SERVER_ARGS="-screen 0 1920x1080x24"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '==> %s\n' "$*"; }
warn() { printf 'dev.sh: warning: %s\n' "$*" >&2; }
die() {
    printf 'dev.sh: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

is_ci() {
    case "${CI:-}" in
    true | TRUE | True | 1 | yes) return 0 ;;
    *) return 1 ;;
    esac
}

have_display() { [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; }

# --- system packages -------------------------------------------------------------------------

pkg_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# True when apt knows a package by that (real, installable) name.
pkg_available() {
    apt-cache show --no-all-versions "$1" >/dev/null 2>&1
}

# resolve_entry "a|b": prints the first alternative apt can install (fails when none).
resolve_entry() {
    local alt
    local -a alts
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        if pkg_available "$alt"; then
            printf '%s\n' "$alt"
            return 0
        fi
    done
    return 1
}

# install_missing ENTRY... : installs the entries none of whose alternatives is installed.
install_missing() {
    if [[ "${VIGIL_SKIP_DEPS:-0}" == 1 ]]; then
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        warn "not a Debian/Ubuntu system: install the equivalents of these yourself: $*"
        return 0
    fi

    local entry alt missing=()
    local -a alts
    for entry in "$@"; do
        IFS='|' read -r -a alts <<<"$entry"
        local found=0
        for alt in "${alts[@]}"; do
            if pkg_installed "$alt"; then
                found=1
                break
            fi
        done
        ((found)) || missing+=("$entry")
    done
    ((${#missing[@]})) || return 0

    local -a sudo_cmd=() suggest=()
    if [[ "$(id -u)" -ne 0 ]]; then
        for entry in "${missing[@]}"; do
            suggest+=("$(resolve_entry "$entry" || printf '%s\n' "${entry%%|*}")")
        done
        if ! command -v sudo >/dev/null 2>&1; then
            die "missing packages: ${missing[*]//|/ or }. Not root and no sudo: as root, run
    apt-get update && apt-get install --no-install-recommends ${suggest[*]}"
        fi
        if sudo -n true 2>/dev/null; then
            sudo_cmd=(sudo -n)
        elif [[ -t 0 ]]; then
            sudo_cmd=(sudo)
        else
            die "missing packages: ${missing[*]//|/ or }. sudo needs a password and there is no terminal: run
    sudo apt-get update && sudo apt-get install --no-install-recommends ${suggest[*]}"
        fi
    fi

    say "Installing missing packages: ${missing[*]//|/ or }"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q

    local -a to_install=()
    for entry in "${missing[@]}"; do
        alt="$(resolve_entry "$entry")" || die "no package named ${entry//|/ or } in this distribution's archive"
        to_install+=("$alt")
    done
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${to_install[@]}"
}

# --- build -----------------------------------------------------------------------------------

select_preset() {
    if [[ -n "${VIGIL_PRESET:-}" ]]; then
        PRESET="$VIGIL_PRESET"
    elif is_ci; then
        PRESET=ci
    else
        PRESET="${1:-dev}"
    fi
    BUILD_DIR="build/$PRESET"
}

configure_and_build() {
    say "Configuring (cmake --preset $PRESET)"
    cmake --preset "$PRESET"
    say "Building (cmake --build --preset $PRESET)"
    cmake --build --preset "$PRESET" --parallel "$@"
    link_compile_commands
}

# compile_commands.json at the root for clangd and clang-tidy; never replaces a real file.
link_compile_commands() {
    is_ci && return 0
    if [[ -f "$BUILD_DIR/compile_commands.json" ]] && { [[ -L compile_commands.json ]] || [[ ! -e compile_commands.json ]]; }; then
        ln -sfn "$BUILD_DIR/compile_commands.json" compile_commands.json
    fi
}

require_binary() {
    [[ -x "$1" ]] || die "$1 was not built (does app/ define that target?)"
}

# run_gui CMD... : runs directly with a display, otherwise under a private Xvfb server.
run_gui() {
    if have_display; then
        "$@"
    else
        command -v xvfb-run >/dev/null 2>&1 || die "no DISPLAY or WAYLAND_DISPLAY, and xvfb-run is missing (apt-get install xvfb xauth)"
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "$XVFB_SERVER_ARGS" "$@"
    fi
}

# --- commands --------------------------------------------------------------------------------

cmd_run() {
    install_missing "${VIGIL_APT_PACKAGES[@]}"
    configure_and_build
    local vigil="$BUILD_DIR/bin/vigil"
    require_binary "$vigil"

    if have_display; then
        say "Starting $vigil --demo $*"
        exec "$vigil" --demo "$@"
    fi

    local shot="$ROOT/$BUILD_DIR/vigil-demo.png"
    rm -f "$shot"
    say "No display: running the demo under Xvfb for 8 s and saving a screenshot"
    local rc=0
    run_gui "$vigil" --demo --screenshot "$shot" --quit-after-ms 8000 "$@" || rc=$?
    if ((rc != 0)); then
        die "vigil exited with status $rc"
    fi
    if [[ -f "$shot" ]]; then
        say "Screenshot: $shot"
    else
        warn "vigil exited normally but wrote no screenshot at $shot"
    fi
}

cmd_test() {
    install_missing "${VIGIL_APT_PACKAGES[@]}"
    configure_and_build
    say "Testing (ctest --preset $PRESET)"
    # Nothing is printed after CTest's own summary; its exit status is ours.
    ctest --preset "$PRESET" --output-on-failure --no-tests=error "$@"
}

cmd_bench() {
    install_missing "${VIGIL_APT_PACKAGES[@]}"
    if [[ "$PRESET" == asan ]]; then
        warn "benchmarking a sanitizer build: figures are not representative"
    fi
    configure_and_build
    local vigilctl="$BUILD_DIR/bin/vigilctl"
    require_binary "$vigilctl"
    say "Running $vigilctl bench render $*"
    run_gui "$vigilctl" bench render "$@"
}

cmd_package() {
    install_missing "${VIGIL_APT_PACKAGES[@]}" "${VIGIL_APT_PACKAGES_PACKAGING[@]}"
    configure_and_build
    say "Packaging (cpack -G DEB in $BUILD_DIR)"
    (cd "$BUILD_DIR" && cpack -G DEB "$@")
    local deb
    for deb in "$BUILD_DIR"/*.deb; do
        if [[ -e "$deb" ]]; then
            say "Package: $ROOT/$deb"
        fi
    done
}

cmd_format() {
    command -v clang-format >/dev/null 2>&1 || install_missing clang-format
    local -a files
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
    ((${#files[@]})) || {
        say "No C++ files to format"
        return 0
    }
    if [[ "${1:-}" == --check ]]; then
        clang-format --dry-run -Werror "${files[@]}"
        say "Formatting is clean (${#files[@]} files)"
    else
        clang-format -i "${files[@]}"
        say "Formatted ${#files[@]} files"
    fi
}

main() {
    local cmd="${1:-help}"
    if (($#)); then
        shift
    fi
    # "dev.sh run -- --patients 32": everything after "--" goes to the program.
    if [[ "${1:-}" == -- ]]; then
        shift
    fi

    case "$cmd" in
    run)
        select_preset dev
        cmd_run "$@"
        ;;
    test)
        select_preset dev
        cmd_test "$@"
        ;;
    bench)
        select_preset dev
        cmd_bench "$@"
        ;;
    package)
        select_preset release
        cmd_package "$@"
        ;;
    build)
        select_preset dev
        install_missing "${VIGIL_APT_PACKAGES[@]}"
        configure_and_build "$@"
        ;;
    deps)
        install_missing "${VIGIL_APT_PACKAGES[@]}"
        say "All required packages are installed"
        ;;
    format) cmd_format "$@" ;;
    help | -h | --help) usage ;;
    *)
        usage >&2
        die "unknown command: $cmd"
        ;;
    esac
}

main "$@"
