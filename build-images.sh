#!/usr/bin/env bash
# Builds the container images of the three services where a Docker engine runs (Docker 23+ with BuildKit).
# Not a set-up step: ./run.sh runs the suite without Docker. The images build from sources, so no JDK is needed here.
#
#   ./build-images.sh                 eventsuite/<service>:0.1.0-SNAPSHOT
#   IMAGE_PREFIX=registry.example.com/eventsuite IMAGE_TAG=1.2.3 ./build-images.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

IMAGE_PREFIX=${IMAGE_PREFIX:-eventsuite}
IMAGE_TAG=${IMAGE_TAG:-0.1.0-SNAPSHOT}
# Each service with its server.port, which the one Dockerfile exposes.
SERVICES=(order-service:8081 notification-service:8082 activity-tracker:8083)

command -v docker >/dev/null 2>&1 || { echo "build-images.sh: docker not found" >&2; exit 1; }

for entry in "${SERVICES[@]}"; do
	service=${entry%%:*}
	port=${entry##*:}
	echo "Building ${IMAGE_PREFIX}/${service}:${IMAGE_TAG}"
	docker build --file Dockerfile --build-arg "SERVICE=${service}" --build-arg "PORT=${port}" \
		--tag "${IMAGE_PREFIX}/${service}:${IMAGE_TAG}" .
done
