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
#    without Spring Boot's launcher: a plain app.jar with its libraries in lib/, which is what AppCDS can archive.
FROM eclipse-temurin:17.0.15_6-jdk AS layers
ARG SERVICE
WORKDIR /layers
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# 3. The runtime: a JRE, the layers from the least to the most often changed, the class archive, a non-root user.
FROM eclipse-temurin:17.0.15_6-jre
ARG PORT
RUN groupadd --system --gid 10001 eventsuite \
    && useradd --system --uid 10001 --gid eventsuite --no-create-home --shell /usr/sbin/nologin eventsuite
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# AppCDS: one training start records the classes a start loads into app.jsa (docs/benchmarks.md, target 6).
COPY --chmod=755 deploy/docker/record-class-archive.sh /tmp/record-class-archive.sh
RUN /tmp/record-class-archive.sh && rm /tmp/record-class-archive.sh
COPY --chmod=755 deploy/docker/readiness-check.sh /app/readiness-check.sh
USER 10001:10001
# server.port defaults to PORT; the health check reads PORT too.
ENV PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/app/readiness-check.sh"]
# The heap follows the container's memory limit: half of it, so that heap, metaspace, threads and Kafka Streams'
# RocksDB (bounded to 32 MB by BoundedRocksDbMemory) stay within it (the start-up benchmark, docs/benchmarks.md,
# measured a 507 MB peak with 75% and unbounded RocksDB). An OutOfMemoryError ends the JVM so the orchestrator
# restarts it.
# Classes come from the AppCDS archive made above.
# java is PID 1 (exec form), so SIGTERM reaches Spring Boot's graceful shutdown. JDK_JAVA_OPTIONS adds options.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "app.jar"]
