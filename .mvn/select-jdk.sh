# Sourced by ./mvnw before anything else: makes sure Maven runs on a JDK 25.
# Order: JAVA_HOME if it already is a JDK 25, then known install locations.
# If none is found, stop with a message that says what to install.
__jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
__jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(__jdk_major "$1")" = "25" ]
}
if [ -z "${JAVA_HOME-}" ] || ! __jdk_ok "$JAVA_HOME"; then
  __found=""
  for __candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 \
    /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-25-openjdk-arm64 \
    /usr/lib/jvm/java-25-openjdk /Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home \
    "${SDKMAN_CANDIDATES_DIR:-$HOME/.sdkman/candidates}/java/current"; do
    if [ -d "$__candidate" ] && __jdk_ok "$__candidate"; then __found="$__candidate"; break; fi
  done
  if [ -z "$__found" ]; then
    echo "This project needs JDK 25 and none was found." >&2
    echo "  JAVA_HOME is '${JAVA_HOME-}' and /usr/lib/jvm has no JDK 25." >&2
    echo "  Install Eclipse Temurin 25 (https://adoptium.net, Debian/Ubuntu package temurin-25-jdk)" >&2
    echo "  or point JAVA_HOME at any JDK 25, then run the command again." >&2
    exit 1
  fi
  JAVA_HOME="$__found"
  export JAVA_HOME
fi
unset __found __candidate
