package io.eventsuite.activity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The activity tracker: accepts user activity telemetry over HTTP, publishes it to the
 * {@code user-activity} topic, and keeps per-user profiles and per-page statistics of it
 * with Kafka Streams.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivityTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ActivityTrackerApplication.class, args);
	}

}
