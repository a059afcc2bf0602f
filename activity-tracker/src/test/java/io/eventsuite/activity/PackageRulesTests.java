package io.eventsuite.activity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of the service, checked rather than hoped for: the web layer may use
 * messaging, never the other way round; only messaging talks to Kafka; the web layer
 * exposes nothing to other packages.
 */
class PackageRulesTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.eventsuite.activity");

	@Test
	void messagingDoesNotKnowTheWebApi() {
		noClasses().that()
			.resideInAPackage("..activity.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..activity.api..", "org.springframework.web..", "org.springframework.http..")
			.check(CLASSES);
	}

	@Test
	void theWebApiIsPackagePrivate() {
		noClasses().that().resideInAPackage("..activity.api..").should().bePublic().check(CLASSES);
	}

	@Test
	void onlyTheMessagingPackageTalksToKafka() {
		noClasses().that()
			.resideOutsideOfPackage("..activity.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.eventsuite.support.kafka..")
			.check(CLASSES);
	}

}
