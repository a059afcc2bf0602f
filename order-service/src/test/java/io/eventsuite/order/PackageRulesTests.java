package io.eventsuite.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The web layer sits on top: the domain and messaging know nothing of HTTP, only the view
 * knows Kafka Streams (the domain reads views through service-support's
 * {@code StateQueries}), and the service knows no other service.
 */
class PackageRulesTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.eventsuite.order");

	@Test
	void domainAndMessagingDoNotDependOnTheApi() {
		noClasses().that()
			.resideInAnyPackage("..order.domain..", "..order.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..order.api..")
			.check(this.classes);
	}

	@Test
	void messagingDoesNotDependOnTheDomain() {
		noClasses().that()
			.resideInAPackage("..order.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..order.domain..")
			.check(this.classes);
	}

	@Test
	void onlyTheViewBuildsOnKafkaStreams() {
		noClasses().that()
			.resideOutsideOfPackage("..order.view..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.apache.kafka.streams..")
			.check(this.classes);
	}

	@Test
	void dependsOnNoOtherService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.eventsuite.notification..", "io.eventsuite.activity..")
			.check(this.classes);
	}

}
