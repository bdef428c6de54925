#!/bin/sh
# @CLI_NAME@: the @TITLE@ command line, installed by the @PACKAGE@ package (docs/installers.md).
#
# It starts the bundled Java runtime itself, without jpackage's native launcher (which asks dpkg and rpm which
# package it belongs to at every start, ~150 ms), with the AOT cache recorded when the package was built and, for
# every command but `run`, the JIT and garbage collector that start fastest. `@CLI_NAME@ help` and
# `@CLI_NAME@ version` touch no network and no certificate: see docs/performance.md for what they cost.
#
# @JAVA_OPTIONS_VARIABLE@ adds JVM options after these (for example -Xlog:aot to see whether the AOT cache is used).
# @LAUNCHER_VARIABLE@ is set to this program's path, which `@CLI_NAME@ service --install` writes into the service.
#
# Exit codes: those of the command (0 done, 1 a problem you can fix, 2 unexpected), 127 when the runtime is missing.
set -f
self=$(readlink -f -- "$0" 2>/dev/null) || self=@INSTALL_DIR@/bin/@CLI_NAME@
app_dir=${self%/bin/*}
app=$app_dir/lib/app
java=$app_dir/lib/runtime/bin/java
if [ ! -x "$java" ]; then
  echo "The @TITLE@ runtime $java is missing: reinstall the @PACKAGE@ package." >&2
  exit 127
fi

log_level=@LOG_LEVEL@
case ${1:-} in
  [Rr][Uu][Nn])
    # The agent runs for days: the JIT's full optimisation and the default garbage collector.
    log_level=@RUN_LOG_LEVEL@
    jit_options=
    ;;
  *)
    # A command that runs for a moment: the first JIT tier and the serial collector start and stop fastest, and
    # no hsperfdata file (jcmd and jps do not see it; they see `run`).
    jit_options="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
    ;;
esac
@DEBUG_LOG_LEVEL@
# The AOT cache holds the classes `@CLI_NAME@ @AOT_TRAINING@` loads, already parsed and linked. When the package is
# built, PACKAGE_BUILD_AOT_CACHE_OUTPUT names the cache to record instead.
aot_output=${PACKAGE_BUILD_AOT_CACHE_OUTPUT:-}
aot_cache=
if [ -z "$aot_output" ] && [ -f "$app/@CLI_NAME@.aot" ]; then
  aot_cache=$app/@CLI_NAME@.aot
fi

@LAUNCHER_VARIABLE@=$app_dir/bin/@CLI_NAME@
export @LAUNCHER_VARIABLE@
# JVM warnings (a cache that no longer matches, say) go to standard error: standard output holds the command's own
# output, JSON with --format json.
exec "$java" ${aot_cache:+"-XX:AOTCache=$aot_cache"} ${aot_output:+"-XX:AOTCacheOutput=$aot_output"} \
  -Xlog:disable -Xlog:all=warning:stderr $jit_options --enable-native-access=ALL-UNNAMED \
  -Dorg.slf4j.simpleLogger.defaultLogLevel="$log_level" ${@JAVA_OPTIONS_VARIABLE@:-} \
  -cp "@CLASSPATH@" @MAIN_CLASS@ "$@"
