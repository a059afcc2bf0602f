#!/bin/sh
# JDK 25's AOT cache (JEPs 483, 514 and 515), made once while the image is built (and by the start-up benchmark, which
# starts the services as the image does): one training start of the service in the current directory (app.jar, lib/)
# up to the end of Spring's context refresh, before any listener or server starts. The JVM then writes into app.aot
# every class that start loaded, already parsed, verified and linked, and the profiles of the methods it ran, so that
# the JIT starts from them. The ENTRYPOINT starts with -XX:AOTCache=app.aot instead of doing that work again on every
# start. No broker is needed: the admin client's attempts to create topics fail after the short timeouts below and
# the context refreshes anyway.
# The arguments are the ENTRYPOINT's JVM options but -XX:AOTCache: a cache holds only for these jars, this JDK and the
# options that shape it (compact object headers, native access); a JVM that finds it stale says so and starts without
# it. What the start leaves in its temporary directory (Tomcat's work directories, the codecs' native libraries) goes
# with a scratch directory, not into the image.
set -eu
scratch=$(mktemp -d)
java "$@" -Djava.io.tmpdir="${scratch}" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
    -Dspring.kafka.admin.operation-timeout=2s -Dspring.kafka.admin.close-timeout=1s \
    -jar app.jar > "${scratch}/training.log" 2>&1 && test -s app.aot || { cat "${scratch}/training.log"; exit 1; }
rm -rf "${scratch}"
