#!/bin/sh
# AppCDS, run once while the image is built (and by the start-up benchmark, which starts the services as the image
# does): starts the service in the current directory (app.jar, lib/) up to the end of Spring's context refresh, before
# any listener or server starts, and writes every class it loaded, parsed and verified into app.jsa. The ENTRYPOINT
# maps that archive (-XX:SharedArchiveFile=app.jsa) instead of reading and verifying those classes from the jars again
# on every start. No broker is needed: the admin client's attempts to create topics fail after the short timeouts below
# and the context refreshes anyway. The archive is only valid for these exact jars and this JDK; a JVM that finds it
# stale says so and starts without it.
# What the start leaves in its temporary directory (Tomcat's work directories, RocksDB's extracted native library) goes
# with a scratch directory, not into the image.
set -eu
# The dynamic archive extends the JDK's own base archive (lib/server/classes.jsa). The eclipse-temurin images make it
# when they are built (java -Xshare:dump); a JRE without one gets it here, or the step fails with the JVM's reason.
java -Xshare:on -version > /dev/null 2>&1 || java -Xshare:dump > /dev/null
scratch=$(mktemp -d)
java -Djava.io.tmpdir="${scratch}" -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh \
    -Dspring.kafka.admin.operation-timeout=2s -Dspring.kafka.admin.close-timeout=1s \
    -jar app.jar > "${scratch}/training.log" 2>&1 && test -s app.jsa || { cat "${scratch}/training.log"; exit 1; }
rm -rf "${scratch}"
