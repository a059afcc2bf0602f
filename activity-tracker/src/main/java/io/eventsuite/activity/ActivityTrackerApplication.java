package io.eventsuite.activity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The activity tracker: accepts user activity telemetry over HTTP and publishes it to the
 * {@code user-activity} topic.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ActivityTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(ActivityTrackerApplication.class, args);
	}

}
