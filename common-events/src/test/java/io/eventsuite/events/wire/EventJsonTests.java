package io.eventsuite.events.wire;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTests {

	// Asked twice without giving the first back, a pool shared by all threads hands out
	// a second recycler; a pool per thread hands out the thread's own again.
	@Test
	void everyThreadReusesItsOwnJsonBuffers() throws Exception {
		RecyclerPool<BufferRecycler> pool = EventJson.MAPPER.tokenStreamFactory()._getRecyclerPool();

		BufferRecycler first = pool.acquirePooled();
		BufferRecycler again = pool.acquirePooled();
		FutureTask<BufferRecycler> otherThread = new FutureTask<>(pool::acquirePooled);
		new Thread(otherThread, "other-thread").start();

		assertThat(again).isSameAs(first);
		assertThat(otherThread.get(10, TimeUnit.SECONDS)).isNotSameAs(first);
	}

}
