package io.eventsuite.benchmarks.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's HTTP/1.1 client: one thread and one selector for a run, keep-alive
 * connections to one server each carrying one request at a time, every request written
 * from its ready bytes.
 * <p>
 * Why not the JDK's {@code HttpClient}: the harness shares the two cores with the
 * services it measures, and that client took 0.35 to 0.45 ms of CPU per request at 1,000
 * requests/s open-loop (its selector thread, its executor and a chain of futures per
 * request), as much as a broker takes per order. Here a request is a write, a read or
 * two, and a wake-up of this thread.
 * <p>
 * An exchange is submitted from any thread, or returned by the completion of the one
 * before; it waits for a free connection, opening one while fewer than the limit are
 * open, and the completion is called on this client's thread with the answer or what
 * failed: {@code ConnectException}, {@code EOFException} when the server closed the
 * connection mid-answer, {@code HttpTimeoutException} after 30 s,
 * {@code ProtocolException} for bytes that are not HTTP. A failed request is not sent
 * again, but for one the server never read: written on a kept-alive connection the server
 * had just closed, it goes once more on a new one. A connection the server closes
 * ({@code Connection: close}, or idle) is replaced when the next exchange needs one. An
 * exception thrown by the completion ends the run: {@link #awaitAllEnded} and
 * {@link #submit} throw it, as a fault of the harness, not an error of the server.
 */
final class HttpWire implements AutoCloseable {

	private static final long REQUEST_TIMEOUT = TimeUnit.SECONDS.toNanos(30);

	private static final long SELECT_MILLIS = 100;

	private static final int RECEIVE_BUFFER = 4096;

	private final InetSocketAddress address;

	private final int maxConnections;

	private final boolean keepBodies;

	private final Completion completion;

	private final Selector selector;

	private final Thread thread;

	private final Queue<Exchange> submitted = new ConcurrentLinkedQueue<>();

	// Only this client's thread touches the fields from here to the lock.

	private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();

	// Most recently freed first: a small set of connections stays busy.
	private final ArrayDeque<Connection> idle = new ArrayDeque<>();

	private final Set<Connection> busy = new HashSet<>();

	private int open;

	private long lastExpiry = System.nanoTime();

	private final Object outstandingLock = new Object();

	private long outstanding;

	private volatile boolean closing;

	private volatile Throwable crash;

	/**
	 * A client for one run, its thread started.
	 * @param address the server
	 * @param maxConnections at most this many requests in flight
	 * @param keepBodies whether answers carry their bodies
	 * @param completion called on the client's thread as each exchange ends
	 * @throws IOException if no selector can be opened
	 */
	HttpWire(InetSocketAddress address, int maxConnections, boolean keepBodies, Completion completion)
			throws IOException {
		this.address = address;
		this.maxConnections = maxConnections;
		this.keepBodies = keepBodies;
		this.completion = completion;
		this.selector = Selector.open();
		this.thread = new Thread(this::run, "eventsuite-load-http");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Sends a request as soon as a connection is free.
	 * @param exchange the request and when it was due
	 */
	void submit(Exchange exchange) {
		if (this.crash != null) {
			throw crashed();
		}
		synchronized (this.outstandingLock) {
			this.outstanding++;
		}
		if (Thread.currentThread() == this.thread) {
			this.waiting.add(exchange);
		}
		else {
			this.submitted.add(exchange);
			this.selector.wakeup();
		}
	}

	/**
	 * Waits until every exchange submitted so far has ended, and those its completions
	 * submitted.
	 * @param bound the longest wait
	 * @throws IllegalStateException if some are still in flight after it
	 */
	void awaitAllEnded(Duration bound) {
		long deadline = System.nanoTime() + bound.toNanos();
		synchronized (this.outstandingLock) {
			try {
				long left;
				while (this.outstanding > 0 && this.crash == null && (left = deadline - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.timedWait(this.outstandingLock, left);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (this.crash != null) {
				throw crashed();
			}
			if (this.outstanding > 0) {
				throw new IllegalStateException(this.outstanding + " requests still unanswered after " + bound);
			}
		}
	}

	private IllegalStateException crashed() {
		return new IllegalStateException("The load generator's HTTP thread failed", this.crash);
	}

	@Override
	public void close() {
		this.closing = true;
		this.selector.wakeup();
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		try (this.selector) {
			while (!this.closing) {
				for (Exchange exchange; (exchange = this.submitted.poll()) != null;) {
					this.waiting.add(exchange);
				}
				dispatch();
				this.selector.select(this::ready, SELECT_MILLIS);
				expireOverdue();
			}
		}
		catch (Throwable ex) {
			this.crash = ex;
		}
		finally {
			List<Connection> all = new ArrayList<>(this.busy);
			all.addAll(this.idle);
			all.forEach(Connection::close);
			synchronized (this.outstandingLock) {
				this.outstandingLock.notifyAll();
			}
		}
	}

	private void dispatch() {
		while (!this.waiting.isEmpty()) {
			Connection connection = this.idle.pollFirst();
			if (connection == null) {
				if (this.open >= this.maxConnections) {
					return;
				}
				connection = connect();
				if (connection == null) {
					continue;
				}
			}
			connection.start(this.waiting.poll());
		}
	}

	// A connection, or null when the connection failed at once (the exchange it was for
	// has failed with it).
	private Connection connect() {
		SocketChannel channel = null;
		try {
			channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			boolean connected = channel.connect(this.address);
			Connection connection = new Connection(channel, connected);
			connection.key = channel.register(this.selector, connected ? 0 : SelectionKey.OP_CONNECT, connection);
			this.open++;
			return connection;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			end(this.waiting.poll(), null, ex);
			return null;
		}
	}

	private void ready(SelectionKey key) {
		Connection connection = (Connection) key.attachment();
		try {
			if (!key.isValid()) {
				return;
			}
			if (key.isConnectable()) {
				connection.channel.finishConnect();
				connection.connected = true;
				connection.write();
			}
			else if (key.isWritable()) {
				connection.write();
			}
			else if (key.isReadable()) {
				connection.read();
			}
		}
		catch (IOException ex) {
			connection.fail(ex);
		}
	}

	// Runs at most every select period: a request unanswered after its timeout fails, and
	// its connection, which may still carry the late answer, is closed.
	private void expireOverdue() {
		long now = System.nanoTime();
		if (now - this.lastExpiry < TimeUnit.MILLISECONDS.toNanos(SELECT_MILLIS)) {
			return;
		}
		this.lastExpiry = now;
		for (Connection connection : new ArrayList<>(this.busy)) {
			if (now - connection.sentAt > REQUEST_TIMEOUT) {
				connection.fail(new HttpTimeoutException("No answer within " + Duration.ofNanos(REQUEST_TIMEOUT)));
			}
		}
	}

	private void end(Exchange exchange, HttpAnswer answer, Throwable failure) {
		try {
			Exchange next = this.completion.ended(exchange, answer, failure, System.nanoTime());
			if (next != null) {
				submit(next);
			}
		}
		finally {
			synchronized (this.outstandingLock) {
				if (--this.outstanding == 0) {
					this.outstandingLock.notifyAll();
				}
			}
		}
	}

	private static void closeQuietly(SocketChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Nothing more to do with it.
			}
		}
	}

	/**
	 * A request and when it was due: latencies are timed from {@code dueNanos}.
	 *
	 * @param request what to send
	 * @param dueNanos when it was due ({@link System#nanoTime()})
	 * @param sentBefore whether it is sent again, after a connection the server had
	 * closed
	 */
	record Exchange(LoadRequest request, long dueNanos, boolean sentBefore) {

		Exchange(LoadRequest request, long dueNanos) {
			this(request, dueNanos, false);
		}

		Exchange sentAgain() {
			return new Exchange(this.request, this.dueNanos, true);
		}

	}

	/**
	 * Called on the client's thread as each exchange ends.
	 */
	@FunctionalInterface
	interface Completion {

		/**
		 * One exchange ended.
		 * @param exchange the exchange
		 * @param answer the answer, or {@code null} when it failed
		 * @param failure what failed, or {@code null}
		 * @param nowNanos when it ended ({@link System#nanoTime()})
		 * @return an exchange to send next, which takes the freed connection, or
		 * {@code null}
		 */
		Exchange ended(Exchange exchange, HttpAnswer answer, Throwable failure, long nowNanos);

	}

	private final class Connection {

		private final SocketChannel channel;

		private SelectionKey key;

		private boolean connected;

		private ByteBuffer received = ByteBuffer.allocate(RECEIVE_BUFFER);

		private ByteBuffer sending;

		private Exchange current;

		private long sentAt;

		private boolean closed;

		private long answered;

		Connection(SocketChannel channel, boolean connected) {
			this.channel = channel;
			this.connected = connected;
		}

		void start(Exchange exchange) {
			this.current = exchange;
			this.sending = exchange.request().bytes();
			this.sentAt = System.nanoTime();
			HttpWire.this.busy.add(this);
			if (this.connected) {
				try {
					write();
				}
				catch (IOException ex) {
					fail(ex);
				}
			}
		}

		void write() throws IOException {
			this.channel.write(this.sending);
			this.key.interestOps(this.sending.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		void read() throws IOException {
			if (!this.received.hasRemaining()) {
				this.received = ByteBuffer.allocate(this.received.capacity() * 2).put(this.received.flip());
			}
			boolean ended = this.channel.read(this.received) < 0;
			if (this.current == null) {
				// Idle, and the server spoke: it closed the connection (its keep-alive
				// timeout).
				close();
				return;
			}
			HttpAnswer answer = answer(ended);
			if (answer == null) {
				if (ended) {
					fail(new EOFException("The server closed the connection before its answer ended"));
				}
				return;
			}
			Exchange exchange = this.current;
			this.current = null;
			this.answered++;
			this.received.clear();
			HttpWire.this.busy.remove(this);
			if (answer.close() || ended) {
				close();
			}
			else {
				HttpWire.this.idle.push(this);
			}
			end(exchange, answer, null);
		}

		private HttpAnswer answer(boolean ended) throws ProtocolException {
			try {
				return HttpAnswer.read(this.received, ended, HttpWire.this.keepBodies);
			}
			catch (RuntimeException ex) {
				ProtocolException protocol = new ProtocolException(String.valueOf(ex.getMessage()));
				protocol.initCause(ex);
				throw protocol;
			}
		}

		void fail(Throwable failure) {
			Exchange exchange = this.current;
			close();
			if (exchange == null) {
				return;
			}
			if (closedWhileIdle(exchange, failure)) {
				HttpWire.this.waiting.addFirst(exchange.sentAgain());
			}
			else {
				end(exchange, null, failure);
			}
		}

		// A kept-alive connection the server closed between two requests (its keep-alive
		// timeout, just as the next was written) fails that request before a byte of its
		// answer: the server never read it, and it is sent once more on a new connection,
		// as a browser would.
		private boolean closedWhileIdle(Exchange exchange, Throwable failure) {
			return this.answered > 0 && this.received.position() == 0 && !exchange.sentBefore()
					&& failure instanceof IOException && !(failure instanceof HttpTimeoutException);
		}

		void close() {
			this.current = null;
			HttpWire.this.busy.remove(this);
			HttpWire.this.idle.remove(this);
			// Not the channel's own state: a failed connect has closed it already.
			if (!this.closed) {
				this.closed = true;
				HttpWire.this.open--;
			}
			if (this.key != null) {
				this.key.cancel();
			}
			closeQuietly(this.channel);
		}

	}

}
