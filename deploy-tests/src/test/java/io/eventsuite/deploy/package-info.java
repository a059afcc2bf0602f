/**
 * Offline checks of what ships the services (Dockerfiles, docker-compose.yml, the
 * Kubernetes manifests) against the code they ship: ports, health paths, properties and
 * topics.
 */
package io.eventsuite.deploy;
