package io.eventsuite.activity.analytics;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adder and subtractor of the top pages of a window, without Kafka.
 */
class TopPagesTests {

	@Test
	void newCountReplacesTheOldOneAndOrdersMostViewedFirst() {
		TopPages top = TopPages.none().add(new PageViews("/a", 1)).add(new PageViews("/b", 1));

		top = top.subtract(new PageViews("/b", 1)).add(new PageViews("/b", 2));

		assertThat(top.pages()).containsExactly(new PageViews("/b", 2), new PageViews("/a", 1));
	}

	@Test
	void subtractorRemovesOnlyTheCountAPageHad() {
		TopPages top = TopPages.none().add(new PageViews("/a", 3));

		assertThat(top.subtract(new PageViews("/a", 2)).pages()).containsExactly(new PageViews("/a", 3));
		assertThat(top.subtract(new PageViews("/a", 3)).pages()).isEmpty();
	}

	@Test
	void keepsAHundredPagesAndCutsTiesByName() {
		TopPages top = TopPages.none();
		for (int i = 0; i < 150; i++) {
			top = top.add(new PageViews("/p/" + (1000 + i), 1));
		}

		assertThat(top.pages()).hasSize(TopPages.MAX_PAGES)
			.extracting(PageViews::page)
			.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> "/p/" + (1000 + i)).toList());
		assertThat(top.top(3)).extracting(PageViews::page).containsExactly("/p/1000", "/p/1001", "/p/1002");
	}

}
