# Class Data Sharing (AppCDS) for the launchers, sourced by ./fpp4j and bin/fpp4j-program.
#
# A run of the host or the program loads 2,000 to 3,500 classes from jars; from a CDS archive they are mapped
# ready-parsed and verified, which saves about 40% of a short run's start-up CPU. The archive is made from a real
# run, so it holds what a run uses:
#   JDK 19+: the JVM makes it itself (-XX:+AutoCreateSharedArchive) at the first run's exit, and remakes it
#            when it finds it stale.
#   JDK 17/18: the first run dumps at exit (-XX:ArchiveClassesAtExit) into a file of its own, which a later run
#            puts in place once the JVM has accepted it (below).
# No archive is used before the JVM has accepted it in a check of its own (-Xshare:on ... -version, a fraction of
# a second, once per archive): JDK 17 crashes (SIGBUS) on an archive cut short, e.g. by a kill during the dump
# or a copy of the cache, and JDK 19+ ignores a damaged one but never remakes it, warning at every run. A
# rejected archive is deleted, so the next run makes a new one. The size, time and inode of the archive the
# JVM accepted are kept beside it (ARCHIVE.ok): any change, a remade or a truncated archive, is checked again.
# Archives live in ${XDG_CACHE_HOME:-~/.cache}/fpp4j/cds, named by the JDK, FPP4J_JAVA_OPTS (options such as
# -XX:-UseCompressedOops make an archive unusable without them) and the class path with each entry's size and
# time, so a rebuilt jar or another JDK gets a new archive. Anything in the way (no cache dir, a read-only one,
# no JDK release file, a class path with a directory, which CDS cannot archive and JDK 17 even fails the run
# for) means no archive: the run goes on exactly as without one. CDS's own messages are silenced: the JVM
# prints them on standard output, which belongs to the program.
# JDK 25+: an ahead-of-time cache (JEP 483, 514, 515) instead of a CDS archive. Beyond parsed and verified classes it
# holds them loaded and linked, and the method profiles of the training run, so the JIT compiles hot code sooner:
# what a short run spends most of its start-up on. It is made in two steps, both by the launchers:
#   1. the first real run is the training run (-XX:AOTMode=record): it writes the AOT configuration at its exit,
#      into a file named by its pid. A real run rather than a dedicated training command, because the cache
#      should hold what runs load and profile here, on this data, and no canned workload stands for a proof or
#      for the host serving one. Recording slows that one run by a few seconds (on the devnet proof, about
#      twice the time of a run that makes a CDS archive).
#   2. the next real run that finds a finished configuration assembles the cache from it (-XX:AOTMode=create,
#      1 to 4 s, once), checks it as below and puts it in place, then runs with it. Not the JVM's one-step
#      -XX:AOTCacheOutput: that assembles in a child JVM at the training run's exit, so the run's own exit waits
#      for it, and both JVMs print on standard output.
# The cache is checked like an archive (-XX:AOTMode=on ... -version, with the run's own options: a cache made
# without --enable-native-access, or with other GC or heap options, does not map). The JVM's check of the class
# path is lenient (a cache made on another class path can map), which is one more reason the key below holds
# every class path entry's size and time. Caches are NAME-KEY.aot beside the archives; only the training run prints
# anything (one line on standard error: the JVM's own notice that it recorded the configuration).
# FPP4J_CDS=0 turns it off; FPP4J_AOT=0 keeps JDK 25+ on the CDS archive (to compare, or on a JDK build whose AOT
# cache misbehaves).

# fpp4j_cds NAME JAVA CLASSPATH [MAKE [OPTION...]]: sets the array fpp4j_cds_opts to the JVM options for this run
# (maybe none). OPTIONs are the launcher's own JVM options (FPP4J_JAVA_OPTS aside), used in the checks and in
# making an AOT cache, which maps only under the options it was made with. Launchers call it as
# `fpp4j_cds ... || fpp4j_cds_opts=()`: that also keeps their `set -e` from ending the run on any step here that
# fails. With MAKE 0 the run uses an archive but does not make one: a --help or --version run would make an
# archive of little more than the command line's classes, and keep it until the next rebuild.
fpp4j_cds() {
  local name=$1 java_bin=$2 cp=$3 make=${4:-1}
  shift 3; [ $# -eq 0 ] || shift
  fpp4j_cds_launcher_opts=("$@")
  fpp4j_cds_opts=()
  [ "${FPP4J_CDS:-1}" != 0 ] || return 0
  # A JVM that dumps an archive refuses a native agent at start, exiting 1 (a verdict, to a host): with one in
  # the options from the environment, a run uses an archive but does not make one.
  case " ${FPP4J_JAVA_OPTS:-} ${JDK_JAVA_OPTIONS:-} ${JAVA_TOOL_OPTIONS:-}" in
    *" -agentpath:"* | *" -agentlib:"*) make=0 ;;
  esac
  local cache="${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}"
  [ -n "$cache" ] || return 0
  local dir="$cache/fpp4j/cds" real home version major entry key
  real="$(readlink -f "$(command -v "$java_bin")" 2>/dev/null)" || return 0
  home="${real%/bin/java}"
  version=
  local line
  { while IFS= read -r line; do # the JDK's release file, read by the shell: no sed to start at every run
      case "$line" in JAVA_VERSION=\"*\") version="${line#JAVA_VERSION=\"}"; version="${version%\"}"; break ;; esac
    done <"$home/release"; } 2>/dev/null || return 0
  major="${version%%.*}"
  case "$major" in '' | *[!0-9]*) return 0 ;; esac
  [ "$major" -ge 17 ] || return 0
  # Only jars can be archived: a directory on the class path means no CDS (tests run from target/classes).
  local IFS=:
  for entry in $cp; do
    [ -f "$entry" ] || return 0
  done
  key="$( { echo "$real $version ${FPP4J_JAVA_OPTS:-}"; stat -L -c '%n %s %Y' $cp; } 2>/dev/null | md5sum)" || return 0
  unset IFS
  key="${key:0:16}"
  if [ "$major" -ge 25 ] && [ "${FPP4J_AOT:-1}" != 0 ]; then
    fpp4j_aot "$real" "$cp" "$dir" "$name" "$name-$key" "$make"
    return 0
  fi
  local archive="$dir/$name-$key.jsa"
  local quiet=(-Xlog:cds*=off -Xlog:class+path=off)
  if [ -f "$archive" ] && ! fpp4j_cds_accepted "$real" "$cp" "$archive"; then
    rm -f "$archive" "$archive.ok" 2>/dev/null || true
    [ -f "$archive" ] && return 0 # a rejected archive that cannot be deleted: no CDS rather than a crash
  fi
  if [ "$major" -ge 19 ] && [ "$make" = 0 ]; then
    [ -f "$archive" ] && fpp4j_cds_opts=(-XX:SharedArchiveFile="$archive" "${quiet[@]}")
    return 0
  elif [ "$major" -ge 19 ]; then
    mkdir -p "$dir" 2>/dev/null || [ -f "$archive" ] || return 0
    [ -f "$archive" ] || fpp4j_cds_prune "$dir" "$name"
    fpp4j_cds_opts=(-XX:SharedArchiveFile="$archive" -XX:+AutoCreateSharedArchive "${quiet[@]}")
    return 0
  fi
  [ -f "$archive" ] || fpp4j_cds_promote "$real" "$cp" "$dir" "$name-$key" "$archive"
  if [ -f "$archive" ]; then
    fpp4j_cds_opts=(-XX:SharedArchiveFile="$archive" "${quiet[@]}")
  elif [ "$make" != 0 ] && mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then
    # This run makes the archive, into a file named by its pid (exec keeps the pid), for a later run to check.
    fpp4j_cds_opts=(-XX:ArchiveClassesAtExit="$dir/.$name-$key.$$.dump" "${quiet[@]}")
    fpp4j_cds_prune "$dir" "$name"
  fi
  return 0
}

# fpp4j_cds_promote JAVA CLASSPATH DIR STEM ARCHIVE: moves the first finished dump of STEM that the JVM accepts to
# ARCHIVE and removes the finished ones it refuses. A dump whose process still runs is left alone.
fpp4j_cds_promote() {
  local java_bin=$1 cp=$2 dir=$3 stem=$4 archive=$5 dump pid
  for dump in "$dir/.$stem".*.dump; do
    [ -f "$dump" ] || continue
    pid="${dump%.dump}"
    pid="${pid##*.}"
    if kill -0 "$pid" 2>/dev/null; then continue; fi
    if [ ! -f "$archive" ] && fpp4j_cds_accepted "$java_bin" "$cp" "$dump" && mv -f "$dump" "$archive" 2>/dev/null; then
      # rename keeps size, time and inode, so the check just made stands for the archive
      mv -f "$dump.ok" "$archive.ok" 2>/dev/null || rm -f "$dump.ok" 2>/dev/null || true
    else
      rm -f "$dump" "$dump.ok" 2>/dev/null || true
    fi
  done
  return 0
}

# fpp4j_cds_accepted JAVA CLASSPATH ARCHIVE: whether the JVM maps ARCHIVE for this class path and these options
# without failing or crashing. Checked once per archive: a pass is remembered in ARCHIVE.ok by the archive's
# size, modification time to the nanosecond (a copy over it within the same second, onto a reused inode, once
# passed for it) and inode (not at all if the directory is read-only: then it is checked at every run).
fpp4j_cds_accepted() {
  local java_bin=$1 cp=$2 archive=$3 now
  now="$(stat -L -c '%s %y %i' "$archive" 2>/dev/null)" || return 1 # %y: to the nanosecond
  local ok=
  { read -r ok <"$archive.ok"; } 2>/dev/null || true
  [ "$ok" = "$now" ] && return 0
  # shellcheck disable=SC2086 # FPP4J_JAVA_OPTS is a list of options, split as the launchers split it
  local use=(-Xshare:on -XX:SharedArchiveFile="$archive")
  case "$archive" in *.aot) use=(-XX:AOTMode=on -XX:AOTCache="$archive") ;; esac
  "$java_bin" "${use[@]}" -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash -Xlog:disable \
      ${fpp4j_cds_launcher_opts[@]+"${fpp4j_cds_launcher_opts[@]}"} ${FPP4J_JAVA_OPTS:-} -cp "$cp" -version \
      >/dev/null 2>&1 </dev/null || return 1
  { printf '%s\n' "$now" >"$archive.ok"; } 2>/dev/null || true
  return 0
}

# fpp4j_cds_prune DIR NAME: each rebuild of a module makes a new archive (10 to 30 MB); ones made over a week ago
# go when a new one is made (an archive still in use is simply made again).
fpp4j_cds_prune() {
  find "$1" -maxdepth 1 \( -name "$2-*.jsa" -o -name "$2-*.jsa.ok" -o -name ".$2-*.dump" -o -name ".$2-*.dump.ok" \) \
    -mtime +7 -delete 2>/dev/null || true
  find "$1" -maxdepth 1 \( -name "$2-*.aot" -o -name "$2-*.aot.ok" -o -name ".$2-*.aotconf" -o -name ".$2-*.aot" \
    -o -name ".$2-*.aot.ok" \) -mtime +7 -delete 2>/dev/null || true
  return 0
}

# fpp4j_aot JAVA CLASSPATH DIR NAME STEM MAKE: fpp4j_cds on JDK 25+, with an AOT cache DIR/STEM.aot (see the top).
fpp4j_aot() {
  local java_bin=$1 cp=$2 dir=$3 name=$4 stem=$5 make=$6 conf pid made
  local cache="$dir/$stem.aot"
  local quiet=(-Xlog:aot*=off -Xlog:cds*=off -Xlog:class+path=off)
  if [ -f "$cache" ] && ! fpp4j_cds_accepted "$java_bin" "$cp" "$cache"; then
    rm -f "$cache" "$cache.ok" 2>/dev/null || true
    [ -f "$cache" ] && return 0 # a rejected cache that cannot be deleted: none rather than a failed run
  fi
  if [ ! -f "$cache" ] && [ "$make" != 0 ]; then
    for conf in "$dir/.$stem".*.aotconf; do
      [ -f "$conf" ] || continue
      pid="${conf%.aotconf}"
      pid="${pid##*.}"
      if kill -0 "$pid" 2>/dev/null; then continue; fi # its training run has not finished
      made="$dir/.$stem.$$.aot"
      # Output discarded: the JVM reports the assembly on standard output, which belongs to the program. The
      # preimage descriptors a host gave the program (3 to 6) are not this JVM's business: closed for it.
      # shellcheck disable=SC2086 # FPP4J_JAVA_OPTS is a list of options, split as the launchers split it
      if "$java_bin" -XX:AOTMode=create -XX:AOTConfiguration="$conf" -XX:AOTCache="$made" -XX:ErrorFile=/dev/null \
            -XX:-CreateCoredumpOnCrash ${fpp4j_cds_launcher_opts[@]+"${fpp4j_cds_launcher_opts[@]}"} \
            ${FPP4J_JAVA_OPTS:-} -cp "$cp" </dev/null >/dev/null 2>&1 3<&- 4<&- 5<&- 6<&- \
          && fpp4j_cds_accepted "$java_bin" "$cp" "$made" && mv -f "$made" "$cache" 2>/dev/null; then
        mv -f "$made.ok" "$cache.ok" 2>/dev/null || rm -f "$made.ok" 2>/dev/null || true
      fi
      # Used or not, a configuration is assembled once: a failed one is recorded again by a later run.
      rm -f "$conf" "$made" "$made.ok" 2>/dev/null || true
      [ -f "$cache" ] && break
    done
  fi
  if [ -f "$cache" ]; then
    fpp4j_cds_opts=(-XX:AOTCache="$cache" "${quiet[@]}")
  elif [ "$make" != 0 ] && mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then
    # The training run. The JVM prints that it recorded the configuration with its own output, not its log:
    # on standard error, not on the program's standard output.
    fpp4j_cds_opts=(-XX:AOTMode=record -XX:AOTConfiguration="$dir/.$stem.$$.aotconf" -XX:+DisplayVMOutputToStderr
      "${quiet[@]}")
    fpp4j_cds_prune "$dir" "$name"
  fi
  return 0
}
