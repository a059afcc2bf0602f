package io.eventsuite.activity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of the service, checked rather than hoped for: the web layer may use
 * messaging and analytics, never the other way round; messaging and analytics do not know
 * each other; only they talk to Kafka, and only analytics to Kafka Streams; the web layer
 * exposes nothing to other packages, the analytics only their queries and answers.
 */
class PackageRulesTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.eventsuite.activity");

	@Test
	void messagingDoesNotKnowTheWebApiOrTheAnalytics() {
		noClasses().that()
			.resideInAPackage("..activity.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..activity.api..", "..activity.analytics..", "org.springframework.web..",
					"org.springframework.http..")
			.check(CLASSES);
	}

	@Test
	void analyticsDoNotKnowTheWebApiOrTheWriter() {
		noClasses().that()
			.resideInAPackage("..activity.analytics..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..activity.api..", "..activity.messaging..", "org.springframework.web..",
					"org.springframework.http..")
			.check(CLASSES);
	}

	@Test
	void theWebApiIsPackagePrivate() {
		noClasses().that().resideInAPackage("..activity.api..").should().bePublic().check(CLASSES);
	}

	@Test
	void theAnalyticsExposeOnlyTheirQueriesAndAnswers() {
		classes().that()
			.resideInAPackage("..activity.analytics..")
			.and()
			.arePublic()
			.should()
			.haveSimpleNameStartingWith("ActivityAnalytics")
			.orShould()
			.haveSimpleName("UserProfile")
			.orShould()
			.haveSimpleName("PageWindow")
			.orShould()
			.haveSimpleName("PageViews")
			.orShould()
			.haveSimpleName("RecentTopPages")
			.check(CLASSES);
	}

	@Test
	void onlyMessagingAndAnalyticsTalkToKafka() {
		noClasses().that()
			.resideOutsideOfPackages("..activity.messaging..", "..activity.analytics..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.eventsuite.support.kafka..",
					"io.eventsuite.support.streams..")
			.check(CLASSES);
	}

	@Test
	void onlyTheAnalyticsUseKafkaStreams() {
		noClasses().that()
			.resideOutsideOfPackage("..activity.analytics..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka.streams..", "io.eventsuite.support.streams..")
			.check(CLASSES);
	}

}
