# libsecp256k1 for bin/fpp4j-program from a copy kept in the cache, sourced by the launcher.
#
# fr.acinq.secp256k1 (transaction senders, ecrecover) otherwise extracts its JNI library from its jar at every run:
# it lists java.io.tmpdir, writes the 1.8 MB library there, reads it back byte by byte to compare, and marks it for
# deletion at exit. A fault-proof program never reaches that deletion (it halts with its verdict), so every run left
# a copy in the temp directory, and the extraction was part of every proof's time. Here the library is unpacked once
# per jar version and platform (again whenever the jar is newer than the copy) and named to the JVM with the
# library's own properties (fr.acinq.secp256k1.lib.path; .tmpdir, where it looks for old copies to delete, is the
# same directory, which holds none). Anything in the way (no cache directory, no unzip, another platform, a jar
# without this platform's library) leaves the library to its own extraction, as before.

# fpp4j_secp256k1 CLASSPATH: sets the array fpp4j_secp256k1_opts to the JVM options (maybe none).
fpp4j_secp256k1() {
  local cp=$1 cache entry jar="" arch version dir lib tmp
  fpp4j_secp256k1_opts=()
  cache="${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}"
  [ -n "$cache" ] || return 0
  # bash's own OSTYPE and HOSTTYPE: no process started on a run that finds its copy.
  case "${OSTYPE:-}" in linux*) ;; *) return 0 ;; esac
  case "${HOSTTYPE:-}" in
    x86_64 | amd64) arch=linux-x86_64 ;;
    aarch64 | arm64) arch=linux-aarch64 ;;
    *) return 0 ;;
  esac
  local IFS=:
  for entry in $cp; do
    case "$entry" in */secp256k1-kmp-jni-jvm-linux-*.jar) [ -f "$entry" ] && jar="$entry" ;; esac
  done
  unset IFS
  [ -n "$jar" ] || return 0
  version="${jar##*/secp256k1-kmp-jni-jvm-linux-}"
  version="${version%.jar}"
  dir="$cache/fpp4j/native/secp256k1-$version-$arch"
  lib="$dir/libsecp256k1-jni.so"
  if [ ! -s "$lib" ] || [ "$jar" -nt "$lib" ]; then
    command -v unzip >/dev/null 2>&1 || return 0
    mkdir -p "$dir" 2>/dev/null || return 0
    # unzip checks the entry's CRC; the rename puts only a whole library in place, for concurrent runs too.
    tmp="$dir/.libsecp256k1-jni.so.$$"
    if unzip -p "$jar" "fr/acinq/secp256k1/jni/native/$arch/libsecp256k1-jni.so" >"$tmp" 2>/dev/null && [ -s "$tmp" ] \
        && mv -f "$tmp" "$lib" 2>/dev/null; then
      :
    else
      rm -f "$tmp" 2>/dev/null
      return 0
    fi
  fi
  fpp4j_secp256k1_opts=(-Dfr.acinq.secp256k1.lib.path="$dir" -Dfr.acinq.secp256k1.tmpdir="$dir")
  return 0
}
