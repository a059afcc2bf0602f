package io.eventsuite.events;

/**
 * Binds a CloudEvents {@code type} attribute (versioned, for example
 * {@code eventsuite.order.placed.v1}) to the record that carries it. The type string is
 * what a consumer in any language dispatches on.
 *
 * @param <E> the event record
 * @param ceType the CloudEvents type, also the name of the event's JSON Schema
 * @param javaType the record class
 */
public record EventType<E extends DomainEvent>(String ceType, Class<E> javaType) {

	public static <E extends DomainEvent> EventType<E> of(String ceType, Class<E> javaType) {
		return new EventType<>(ceType, javaType);
	}

	/**
	 * Where the JSON Schema of this type lives on the classpath.
	 * @return the resource path
	 */
	public String schemaResource() {
		return "schemas/" + this.ceType + ".json";
	}

}
