package io.eventsuite.events;

/**
 * String lengths as the JSON Schemas' {@code maxLength} counts them: in characters (code
 * points), so an emoji is one, where {@link String#length()} counts two.
 */
public final class Lengths {

	private Lengths() {
	}

	/**
	 * Whether a text is within a schema's {@code maxLength}.
	 * @param text the text
	 * @param maxLength the most characters it may have
	 * @return {@code true} if it has at most that many code points
	 */
	public static boolean within(String text, int maxLength) {
		// A text of no more UTF-16 units than the limit has no more code points either.
		return text.length() <= maxLength || text.codePointCount(0, text.length()) <= maxLength;
	}

}
