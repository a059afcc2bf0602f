#!/usr/bin/env bash
# Container health check: exits 0 only while the service answers 200 on its readiness group
# (/actuator/health/readiness, which includes the Kafka checks). Plain bash, so the image needs no curl.
set -eu
port="${PORT:?PORT is not set}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3
[[ "${status}" =~ ^HTTP/1\.[01]\ 200\  ]]
