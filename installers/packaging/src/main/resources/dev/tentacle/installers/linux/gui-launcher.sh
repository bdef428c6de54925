#!/bin/sh
# @GUI_NAME@: the @GUI_TITLE@, installed by the @PACKAGE@ package (docs/installers.md).
#
# It starts the bundled Java runtime itself, like @CLI_NAME@, with the AOT cache recorded when the package was built
# (when the build machine had Xvfb to show the window on), and sets @LAUNCHER_VARIABLE@ to the installed @CLI_NAME@,
# which the services it installs run. @JAVA_OPTIONS_VARIABLE@ adds JVM options.
#
# Exit codes: 0 when the window was closed, 1 when there is no display to show it on, 127 when the runtime is
# missing.
set -f
self=$(readlink -f -- "$0" 2>/dev/null) || self=@INSTALL_DIR@/bin/@GUI_NAME@
app_dir=${self%/bin/*}
app=$app_dir/lib/app
java=$app_dir/lib/runtime/bin/java
if [ ! -x "$java" ]; then
  echo "The @TITLE@ runtime $java is missing: reinstall the @PACKAGE@ package." >&2
  exit 127
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "The @GUI_TITLE@ needs a graphical desktop, and neither DISPLAY nor WAYLAND_DISPLAY is set. Run it in a" \
    "desktop session (or over ssh -X), or use the command line: @CLI_NAME@ help" >&2
  exit 1
fi

# When the package is built, PACKAGE_BUILD_AOT_CACHE_OUTPUT names the cache to record instead.
aot_output=${PACKAGE_BUILD_AOT_CACHE_OUTPUT:-}
aot_cache=
if [ -z "$aot_output" ] && [ -f "$app/@GUI_NAME@.aot" ]; then
  aot_cache=$app/@GUI_NAME@.aot
fi

@LAUNCHER_VARIABLE@=$app_dir/bin/@CLI_NAME@
export @LAUNCHER_VARIABLE@
exec "$java" ${aot_cache:+"-XX:AOTCache=$aot_cache"} ${aot_output:+"-XX:AOTCacheOutput=$aot_output"} -Xlog:disable -Xlog:all=warning:stderr --enable-native-access=ALL-UNNAMED \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=@GUI_LOG_LEVEL@ ${@JAVA_OPTIONS_VARIABLE@:-} \
  -cp "@CLASSPATH@" @GUI_MAIN_CLASS@ "$@"
