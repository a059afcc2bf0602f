package io.eventsuite.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Features stand side by side: orders, feed and chat share only the live plumbing, and
 * the service knows no other service.
 */
class PackageRulesTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.eventsuite.notification");

	@Test
	void featuresDoNotDependOnEachOther() {
		noClasses().that()
			.resideInAPackage("..notification.chat..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.orders..", "..notification.feed..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..notification.orders..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.chat..", "..notification.feed..", "..notification.live..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..notification.feed..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.chat..", "..notification.orders..")
			.check(this.classes);
	}

	@Test
	void livePlumbingKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("..notification.live..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.chat..", "..notification.orders..", "..notification.feed..")
			.check(this.classes);
	}

	@Test
	void dependsOnNoOtherService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.eventsuite.order..", "io.eventsuite.activity..")
			.check(this.classes);
	}

}
