package io.eventsuite.test;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more instance of a service, in the test JVM, on a random port and the test broker:
 * for tests of what happens between instances (consumer groups, publish-subscribe).
 */
public final class ServiceInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ServiceInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts an instance.
	 * @param application the service's main class
	 * @param properties extra {@code key=value} properties
	 * @return the running instance, to be closed
	 */
	public static ServiceInstance start(Class<?> application, String... properties) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers()));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new ServiceInstance(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * A client of this instance's HTTP port.
	 * @return the client
	 */
	public ServiceClient client() {
		return ServiceClient
			.onPort(this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@Override
	public void close() {
		this.context.close();
	}

}
