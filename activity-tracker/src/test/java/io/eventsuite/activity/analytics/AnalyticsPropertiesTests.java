package io.eventsuite.activity.analytics;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics settings are checked at start-up, not discovered wrong in production.
 */
class AnalyticsPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Enabled.class);

	@Test
	void defaultsCountEveryoneWithHalfAMinuteOfGrace() {
		this.context.run((context) -> {
			AnalyticsProperties properties = context.getBean(AnalyticsProperties.class);
			assertThat(properties.botUsers()).isEmpty();
			assertThat(properties.pageWindowGrace()).hasSeconds(30);
			assertThat(properties.pageRetention()).hasHours(1);
		});
	}

	@Test
	void botUsersAreRecognized() {
		this.context.withPropertyValues("eventsuite.analytics.bot-users=probe-1,probe-2").run((context) -> {
			AnalyticsProperties properties = context.getBean(AnalyticsProperties.class);
			assertThat(properties.isBot("probe-2")).isTrue();
			assertThat(properties.isBot("alice")).isFalse();
		});
	}

	@Test
	void negativeGraceIsRejected() {
		this.context.withPropertyValues("eventsuite.analytics.page-window-grace=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("page-window-grace must not be negative"));
	}

	@Test
	void retentionShorterThanAWindowPlusGraceIsRejected() {
		this.context.withPropertyValues("eventsuite.analytics.page-retention=80s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("at least one window"));
	}

	@Test
	void blankBotUserIsRejected() {
		this.context.withPropertyValues("eventsuite.analytics.bot-users[0]= ")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AnalyticsProperties.class)
	static class Enabled {

	}

}
