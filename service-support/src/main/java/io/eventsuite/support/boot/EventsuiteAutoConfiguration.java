package io.eventsuite.support.boot;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.deadletter.DeadLetterController;
import io.eventsuite.support.deadletter.DeadLetterReplay;
import io.eventsuite.support.kafka.DeadLetters;
import io.eventsuite.support.kafka.EventPublisher;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PublishProperties;
import io.eventsuite.support.kafka.StaticMembership;
import io.eventsuite.support.kafka.TopicsProperties;
import io.eventsuite.support.web.HttpLimitsProperties;
import io.eventsuite.support.web.ProblemDetailsAdvice;
import io.eventsuite.support.web.RequestBodyLimitFilter;

/**
 * Wires what every eventsuite service shares. Runs before Spring MVC's auto-configuration
 * so that its problem details handler replaces Boot's default one instead of standing
 * beside it.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class, before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties({ TopicsProperties.class, PublishProperties.class, HttpLimitsProperties.class,
		StaticMembership.Properties.class })
public class EventsuiteAutoConfiguration {

	@Bean
	EventTopics eventTopics(TopicsProperties properties) {
		return new EventTopics(properties);
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, CloudEvent<?>> kafkaTemplate, EventTopics eventTopics,
			PublishProperties properties, @Value("${spring.application.name}") String applicationName) {
		return new EventPublisher(kafkaTemplate, eventTopics, URI.create("/eventsuite/" + applicationName),
				properties.timeout());
	}

	@Bean
	StaticMembership staticMembership(StaticMembership.Properties properties) {
		return new StaticMembership(properties);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, CloudEvent<?>> kafkaTemplate,
			ProducerFactory<String, ?> producerFactory) {
		return DeadLetters.errorHandler(kafkaTemplate, producerFactory);
	}

	@Bean
	DeadLetterReplay deadLetterReplay(KafkaProperties kafkaProperties, ProducerFactory<String, ?> producerFactory,
			EventTopics eventTopics, @Value("${spring.application.name}") String applicationName) {
		return new DeadLetterReplay(kafkaProperties.buildConsumerProperties(), DeadLetters.rawTemplate(producerFactory),
				eventTopics, applicationName + "-replay-");
	}

	@Bean
	DeadLetterController deadLetterController(DeadLetterReplay deadLetterReplay) {
		return new DeadLetterController(deadLetterReplay);
	}

	@Bean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.maxRequestBody()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
