#!/usr/bin/env bash
# Runs the whole suite on this machine, no Docker needed: a real Kafka broker (kafka-local) and the three
# services, each as its own Java process. Ctrl-C stops everything, services first so they can flush, broker last.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

VERSION=0.1.0-SNAPSHOT
RUN_DIR=.run
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
KAFKA_PORT=9092
CONTROLLER_PORT=9093
SERVICES=(order-service:8081 notification-service:8082 activity-tracker:8083)
BROKER_START_SECONDS=60
SERVICE_START_SECONDS=90
# Above the services' own graceful shutdown (spring.lifecycle.timeout-per-shutdown-phase=20s).
STOP_SECONDS=30

usage() {
	cat <<EOF
Usage: ./run.sh [--no-build]   build, start Kafka and the three services, stay in the foreground
       ./run.sh stop           stop a run started in another terminal
       ./run.sh --help         show this help

Starts Kafka on localhost:$KAFKA_PORT (controller on $CONTROLLER_PORT), then order-service on 8081,
notification-service on 8082 and activity-tracker on 8083. Needs Java 17+ and those ports free.
Logs go to $LOG_DIR/, process ids to $PID_DIR/. Kafka keeps its data in $RUN_DIR/kafka between runs;
delete $RUN_DIR to start from an empty broker.

  --no-build   use the jars already in */target instead of running ./mvnw package first
EOF
}

log() {
	printf '%s\n' "$*"
}

fail() {
	printf 'run.sh: %s\n' "$*" >&2
	exit 1
}

# A listener on any address counts, so ss is asked first; /dev/tcp is the fallback where ss is missing (macOS).
port_in_use() {
	if command -v ss >/dev/null 2>&1; then
		[[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]]
	else
		accepts_connections "$1"
	fi
}

accepts_connections() {
	(exec 3<>"/dev/tcp/localhost/$1") 2>/dev/null
}

http_get() {
	if command -v curl >/dev/null 2>&1; then
		curl -s --max-time 2 "http://localhost:$1$2" 2>/dev/null || true
	else
		(
			exec 3<>"/dev/tcp/localhost/$1" || exit 0
			printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&3
			timeout 2 cat <&3 || true
		) 2>/dev/null
	fi
}

is_ready() {
	http_get "$1" /actuator/health/readiness | tr -d ' \n' | grep -q '"status":"UP"'
}

# What a component's command line contains, so a stale pid file never leads to killing an unrelated process.
marker_of() {
	case $1 in
	run) echo run.sh ;;
	kafka) echo io.eventsuite.kafkalocal.LocalKafka ;;
	*) echo "$1-$VERSION.jar" ;;
	esac
}

pid_of() {
	local file=$PID_DIR/$1.pid pid
	[[ -f $file ]] || return 1
	pid=$(cat "$file")
	kill -0 "$pid" 2>/dev/null || return 1
	ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "$(marker_of "$1")" || return 1
	echo "$pid"
}

# SIGTERM to every named component at once, up to STOP_SECONDS for all to finish, then SIGKILL for the rest.
# A second Ctrl-C while waiting skips the wait.
stop_components() {
	local name pid pids=() deadline=$((SECONDS + STOP_SECONDS))
	for name in "$@"; do
		if pid=$(pid_of "$name"); then
			log "stopping $name (pid $pid)"
			kill -TERM "$pid" 2>/dev/null || true
			pids+=("$pid")
		fi
		rm -f "$PID_DIR/$name.pid"
	done
	while ((${#pids[@]})); do
		local alive=()
		for pid in "${pids[@]}"; do
			if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); fi
		done
		pids=("${alive[@]+"${alive[@]}"}")
		((${#pids[@]})) || break
		if ((SECONDS >= deadline || FORCE)); then
			log "killing ${pids[*]}: not stopped after ${STOP_SECONDS}s"
			kill -KILL "${pids[@]}" 2>/dev/null || true
			break
		fi
		sleep 0.5
	done
}

service_names() {
	local service
	for service in "${SERVICES[@]}"; do
		echo "${service%%:*}"
	done
}

stop_all() {
	# shellcheck disable=SC2046 # names have no spaces
	stop_components $(service_names)
	stop_components kafka
}

FORCE=0
STARTED=0
on_exit() {
	local status=$?
	trap 'FORCE=1' INT TERM
	if ((STARTED)); then
		stop_all
		log "stopped"
	fi
	rm -f "$PID_DIR/run.pid"
	exit "$status"
}

start() {
	local name=$1
	shift
	"$@" >"$LOG_DIR/$name.log" 2>&1 &
	echo $! >"$PID_DIR/$name.pid"
	STARTED=1
}

fail_with_log() {
	local name=$1
	shift
	printf 'run.sh: %s\n--- last lines of %s ---\n' "$*" "$LOG_DIR/$name.log" >&2
	tail -n 40 "$LOG_DIR/$name.log" >&2 || true
	exit 1
}

check_ports() {
	local port
	for port in "$KAFKA_PORT" "$CONTROLLER_PORT" "${SERVICES[@]##*:}"; do
		if port_in_use "$port"; then
			local hint="stop whatever listens there (lsof -i :$port)"
			if [[ -n "$(ls "$PID_DIR"/*.pid 2>/dev/null)" ]]; then
				hint="an earlier ./run.sh may still be running: ./run.sh stop, or $hint"
			fi
			fail "port $port is already in use: $hint"
		fi
	done
}

start_kafka() {
	log "starting kafka on localhost:$KAFKA_PORT"
	start kafka java -cp "kafka-local/target/kafka-local-$VERSION.jar:kafka-local/target/lib/*" \
		io.eventsuite.kafkalocal.LocalKafka --data-dir "$RUN_DIR/kafka" \
		--port "$KAFKA_PORT" --controller-port "$CONTROLLER_PORT"
	local deadline=$((SECONDS + BROKER_START_SECONDS))
	until accepts_connections "$KAFKA_PORT"; do
		pid_of kafka >/dev/null || fail_with_log kafka "kafka exited during start-up"
		((SECONDS < deadline)) || fail_with_log kafka "kafka did not open port $KAFKA_PORT within ${BROKER_START_SECONDS}s"
		sleep 0.5
	done
}

start_services() {
	local service name port
	for service in "${SERVICES[@]}"; do
		name=${service%%:*}
		port=${service##*:}
		log "starting $name on http://localhost:$port"
		# PORT is set explicitly so that a PORT exported in the user's shell cannot put all three on one port.
		start "$name" env PORT="$port" KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
			java -jar "$name/target/$name-$VERSION.jar"
	done
	local deadline=$((SECONDS + SERVICE_START_SECONDS))
	for service in "${SERVICES[@]}"; do
		name=${service%%:*}
		port=${service##*:}
		until is_ready "$port"; do
			require_running "exited during start-up"
			((SECONDS < deadline)) || fail_with_log "$name" "$name was not ready within ${SERVICE_START_SECONDS}s"
			sleep 0.5
		done
		log "$name is ready"
	done
}

print_welcome() {
	cat <<EOF

eventsuite is running:
  order-service         http://localhost:8081
  notification-service  http://localhost:8082
  activity-tracker      http://localhost:8083
  kafka                 localhost:$KAFKA_PORT (data in $RUN_DIR/kafka)

Watch alice's notifications arrive (leave this running in a second terminal):
  curl -N http://localhost:8082/api/notifications/alice/stream

Place an order for alice (in a third terminal):
  curl -i -X POST http://localhost:8081/api/orders -H 'Content-Type: application/json' \\
    -d '{"customerId":"alice","currency":"EUR","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":12.50}]}'

Read alice's orders back (Kafka Streams views), and her activity profile:
  curl http://localhost:8081/api/customers/alice/orders
  curl http://localhost:8083/api/activity/users/alice

Health of each service: http://localhost:<port>/actuator/health
Logs: $LOG_DIR/kafka.log, $LOG_DIR/order-service.log, $LOG_DIR/notification-service.log,
      $LOG_DIR/activity-tracker.log

Press Ctrl-C to stop everything (or ./run.sh stop from another terminal).
EOF
}

require_running() {
	local name
	for name in kafka $(service_names); do
		pid_of "$name" >/dev/null || fail_with_log "$name" "$name $1"
	done
}

# Stays in the foreground until a signal arrives or a process dies. The short sleep runs in the background
# because bash only runs a trap once the foreground command has finished, and wait returns at once on a signal.
watch_processes() {
	while true; do
		require_running "stopped unexpectedly"
		sleep 1 &
		wait $! || true
	done
}

# A run.sh in the foreground is asked to stop, so that it shuts down in order and does not report its
# processes as crashed; without one (it was killed), its processes are stopped from here.
stop_elsewhere() {
	local pid deadline=$((SECONDS + 2 * STOP_SECONDS + 10))
	if pid=$(pid_of run); then
		log "asking ./run.sh (pid $pid) to stop"
		kill -TERM "$pid"
		while kill -0 "$pid" 2>/dev/null; do
			((SECONDS < deadline)) || fail "./run.sh (pid $pid) did not stop within $((2 * STOP_SECONDS + 10))s"
			sleep 0.5
		done
	fi
	stop_all
	rm -f "$PID_DIR/run.pid"
	log "stopped"
}

main() {
	local build=1
	case "${1:-}" in
	-h | --help)
		usage
		exit 0
		;;
	stop)
		stop_elsewhere
		exit 0
		;;
	--no-build)
		build=0
		;;
	"") ;;
	*)
		usage >&2
		exit 2
		;;
	esac

	command -v java >/dev/null 2>&1 || fail "java not found: install a JDK 17 or newer"
	mkdir -p "$LOG_DIR" "$PID_DIR"
	check_ports
	if ((build)); then
		log "building (./mvnw package, tests skipped)..."
		./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package
	fi
	local name
	for name in kafka-local $(service_names); do
		[[ -f $name/target/$name-$VERSION.jar ]] || fail "$name/target/$name-$VERSION.jar is missing: run ./run.sh without --no-build"
	done

	echo $$ >"$PID_DIR/run.pid"
	trap on_exit EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	start_kafka
	start_services
	print_welcome
	watch_processes
}

main "$@"
