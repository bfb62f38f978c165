# JVM options from the environment, checked before a launcher's run uses them; sourced by ./fpp4j and
# bin/fpp4j-program.
#
# A JVM that cannot start exits 1, and under fpp4j's exit contract (the host's and the program's alike) 1 is a
# verdict: "the claim is invalid". A mistyped option in FPP4J_JAVA_OPTS, or in JDK_JAVA_OPTIONS or
# JAVA_TOOL_OPTIONS (which java reads by itself), would so read as a refuted claim. fpp4j_java_opts_ok tries
# the JVM once with those options and -version; if it does not start, the launcher stops with exit 2 (a failure)
# and the JVM's own message. A pass is remembered per java and option set in the CDS cache directory (opts-KEY.ok),
# so only the first run with new options pays for the check (about 50 ms); runs without such options pay nothing.

# fpp4j_java_opts_ok NAME: returns if the options are empty or start a JVM; otherwise prints why and exits 2.
fpp4j_java_opts_ok() {
  local name=$1
  local opts="${FPP4J_JAVA_OPTS:-}|${JDK_JAVA_OPTIONS:-}|${JAVA_TOOL_OPTIONS:-}"
  [ "$opts" != "||" ] || return 0
  local java_bin cache key out
  java_bin="$(command -v java)" || return 0 # no java: exec fails with 127, which no host reads as a verdict
  cache="${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}"
  key="$(printf '%s\n%s\n' "$java_bin" "$opts" | md5sum)" || return 0
  key="${key:0:16}"
  [ -n "$cache" ] && [ -f "$cache/fpp4j/cds/opts-$key.ok" ] && return 0
  # shellcheck disable=SC2086 # FPP4J_JAVA_OPTS is a list of options, split as the launchers split it
  if out="$(java ${FPP4J_JAVA_OPTS:-} -version 2>&1 </dev/null)"; then
    [ -z "$cache" ] || { mkdir -p "$cache/fpp4j/cds" && : >"$cache/fpp4j/cds/opts-$key.ok"; } 2>/dev/null || true
    return 0
  fi
  {
    echo "$name: the JVM does not start with the options from the environment, so nothing was run:"
    [ -z "${FPP4J_JAVA_OPTS:-}" ] || echo "  FPP4J_JAVA_OPTS=$FPP4J_JAVA_OPTS"
    [ -z "${JDK_JAVA_OPTIONS:-}" ] || echo "  JDK_JAVA_OPTIONS=$JDK_JAVA_OPTIONS"
    [ -z "${JAVA_TOOL_OPTIONS:-}" ] || echo "  JAVA_TOOL_OPTIONS=$JAVA_TOOL_OPTIONS"
    printf '%s\n' "$out" | sed 's/^/  java: /'
  } >&2
  exit 2
}
