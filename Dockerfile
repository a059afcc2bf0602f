# syntax=docker/dockerfile:1
# The image of every eventsuite service; SERVICE names the module and PORT its server.port.
# Build from the repository root (./build-images.sh builds all three images):
#   docker build --build-arg SERVICE=order-service --build-arg PORT=8081 -t eventsuite/order-service:0.1.0-SNAPSHOT .
# Checked offline by deploy-tests (DockerfileTests): pinned base images, non-root user, each module's own jar and port.
ARG SERVICE
ARG PORT

# 1. Build the executable jar with the Maven wrapper, as CI does (tests run in CI, not here).
FROM eclipse-temurin:17.0.15_6-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl ${SERVICE} -am package -DskipTests

# 2. Split it into Spring Boot's layers, so that a code change rebuilds only the small application layer. Extracted
#    without Spring Boot's launcher: a plain app.jar with its libraries in lib/, which is what an AOT cache can hold.
FROM eclipse-temurin:17.0.15_6-jdk AS layers
ARG SERVICE
WORKDIR /layers
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted
# RocksDB's JNI library, unpacked once from its jar into native/, where the ENTRYPOINT's -Djava.library.path finds it:
# otherwise RocksDB copies 15 MB into /tmp at every start (deploy/docker/extract-native-libraries.sh says why it matters).
COPY --chmod=755 deploy/docker/extract-native-libraries.sh /tmp/extract-native-libraries.sh
RUN /tmp/extract-native-libraries.sh extracted/dependencies/lib native

# 3. The runtime: a JRE, the layers from the least to the most often changed, the AOT cache, a non-root user. The code
#    is compiled for Java 17 and runs on Java 25, for the AOT cache and compact object headers (docs/benchmarks.md,
#    target 6); the system tests and the benchmarks run the services on Java 25 too (ServiceJava).
FROM eclipse-temurin:25.0.3_9-jre
ARG PORT
RUN groupadd --system --gid 10001 eventsuite \
    && useradd --system --uid 10001 --gid eventsuite --no-create-home --shell /usr/sbin/nologin eventsuite
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/native/ ./native/
COPY --from=layers /layers/extracted/application/ ./
# AOT cache: one training start records the classes a start loads, linked, and its method profiles into app.aot, with
# the ENTRYPOINT's options but -XX:AOTCache (DockerfileTests checks they match).
COPY --chmod=755 deploy/docker/record-aot-cache.sh /tmp/record-aot-cache.sh
RUN /tmp/record-aot-cache.sh -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED -Djava.library.path=native -XX:InitialRAMPercentage=25 -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError \
    && rm /tmp/record-aot-cache.sh
COPY --chmod=755 deploy/docker/readiness-check.sh /app/readiness-check.sh
USER 10001:10001
# server.port defaults to PORT; the health check reads PORT too.
ENV PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/app/readiness-check.sh"]
# The heap follows the container's memory limit: half of it, so that heap, metaspace, threads and Kafka Streams'
# RocksDB (bounded to 32 MB by BoundedRocksDbMemory) stay within it (the start-up benchmark, docs/benchmarks.md,
# measured a 507 MB peak with 75% and unbounded RocksDB). It starts at a quarter: from the JVM's default (1/64, 8 MB),
# the serial collector's young generation started below 3 MB, so a start ran 60-120 young collections that promoted
# objects before they could die, and the old generation grew with them. An OutOfMemoryError ends the JVM so the
# orchestrator restarts it.
# Classes come from the AOT cache made above. Compact object headers (JEP 519) make every object 4 bytes smaller.
# RocksDB's JNI library is loaded from native/ (above); native access for the class path keeps Java 25 from warning
# about it (and from refusing it in a later release).
# java is PID 1 (exec form), so SIGTERM reaches Spring Boot's graceful shutdown. JDK_JAVA_OPTIONS adds options.
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED", "-Djava.library.path=native", "-XX:InitialRAMPercentage=25", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "app.jar"]
