package io.eventsuite.activity.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTests {

	@Test
	void queryStringFragmentAndTrailingSlashAreNotPartOfThePage() {
		assertThat(Pages.normalize("/books/1/?ref=mail#reviews")).isEqualTo("/books/1");
		assertThat(Pages.normalize("/books/1#top")).isEqualTo("/books/1");
		assertThat(Pages.normalize("?tab=2")).isEqualTo("/");
		assertThat(Pages.normalize("/")).isEqualTo("/");
	}

	@Test
	void aVeryLongPathIsCutSoThatAWindowsTopPagesStayASmallRecord() {
		String page = Pages.normalize("/" + "x".repeat(2047) + "?q=1");

		assertThat(page).hasSize(Pages.MAX_PAGE_LENGTH).startsWith("/xxx");
	}

}
