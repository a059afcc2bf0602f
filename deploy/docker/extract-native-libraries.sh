#!/bin/sh
# RocksDB, Kafka Streams' state store, keeps its JNI library inside its jar (15 MB per platform). Left to itself it
# copies that library out of the jar into the temporary directory at every start, on the stream thread's way to
# RUNNING, and leaves the copy behind whenever the JVM does not exit cleanly (an OutOfMemoryError, a SIGKILL).
# Unpacked once here instead, into the directory the ENTRYPOINT names in -Djava.library.path, it is loaded from there:
# System.loadLibrary finds it before RocksDB looks in its jar.
# The ENTRYPOINT names it relatively, like app.jar and app.aot: the JVM resolves it against the working directory, /app.
# Usage: extract-native-libraries.sh <lib directory> <destination>. A service without RocksDB gets an empty directory.
# On another platform the service falls back to RocksDB's own copying, which works, but which the start-up benchmark
# refuses to time (it checks where the library was loaded from).
set -eu
lib=$1
destination=$2
[ -d "${lib}" ] || { echo "No directory ${lib}" >&2; exit 1; }
mkdir -p "${destination}"
case "$(uname -m)" in
    x86_64) platform=linux64 ;;
    aarch64) platform=linux-aarch64 ;;
    *) exit 0 ;;
esac
for jar in "${lib}"/rocksdbjni-*.jar; do
    [ -e "${jar}" ] || continue
    if command -v jar > /dev/null; then
        jar="$(cd "$(dirname "${jar}")" && pwd)/$(basename "${jar}")"
        (cd "${destination}" && jar xf "${jar}" "librocksdbjni-${platform}.so")
    else
        unzip -q -o "${jar}" "librocksdbjni-${platform}.so" -d "${destination}"
    fi
    test -s "${destination}/librocksdbjni-${platform}.so"
done
