package dev.pinwheel.metadata;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One problem found while validating core metadata.
 *
 * @param field   the field at fault as a lower-case header name ({@code "requires-dist"}), as packaging's
 *                {@code InvalidMetadata.field}; for an unknown header, that header's lower-case name
 * @param line    the 1-based line in the source, when the metadata came from a file
 * @param message what is wrong, one line in the project's message style
 * @param cause   the parse error behind the problem, if any (for example an {@code InvalidRequirementException})
 */
public record MetadataProblem(String field, OptionalInt line, String message, Optional<Throwable> cause) {
    /** Validates the components. */
    public MetadataProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }

    /** The field as a {@link MetadataField}, empty for an unknown header. */
    public Optional<MetadataField> metadataField() {
        return MetadataField.fromHeader(field);
    }

    /** {@code "line 12: message"}, or just the message when the line is unknown. */
    @Override
    public String toString() {
        return line.isPresent() ? "line " + line.getAsInt() + ": " + message : message;
    }
}
