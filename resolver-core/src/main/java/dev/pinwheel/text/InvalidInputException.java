package dev.pinwheel.text;

import java.util.Locale;
import java.util.Objects;

/**
 * The common shape of every parse error in Pinwheel: a one-line reason, the input that was being read,
 * and the span of the input that is wrong.
 *
 * <p>{@link #getMessage()} renders the reason, then the input, then a caret line under the span, so that
 * a person sees at once what and where:
 *
 * <pre>{@code
 * Expected a version after `>=`, found end of input
 * requests >=
 *            ^
 * }</pre>
 *
 * <p>Instances are immutable. Subclasses name the concept ({@code InvalidVersionException},
 * {@code InvalidRequirementException}, ...), so callers catch exactly what they parse.
 */
public abstract class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String input;
    private final int errorIndex;
    private final int errorLength;

    /**
     * @param reason      what is wrong, one line, starting with a capital and without a final period
     * @param input       the whole input that was being parsed
     * @param errorIndex  where the problem starts, {@code 0 <= errorIndex <= input.length()}
     * @param errorLength how many characters are wrong (at least one caret is drawn)
     */
    protected InvalidInputException(String reason, String input, int errorIndex, int errorLength) {
        super(Objects.requireNonNull(reason, "reason"));
        this.reason = reason;
        this.input = Objects.requireNonNull(input, "input");
        this.errorIndex = Math.max(0, Math.min(errorIndex, input.length()));
        this.errorLength = Math.max(0, errorLength);
    }

    /** The one-line reason, without the input and caret lines. */
    public String reason() {
        return reason;
    }

    /** The input that could not be parsed, exactly as given. */
    public String input() {
        return input;
    }

    /** The index in {@link #input()} where the problem starts. */
    public int errorIndex() {
        return errorIndex;
    }

    /** How many characters from {@link #errorIndex()} are at fault (0 when the problem is a missing part). */
    public int errorLength() {
        return errorLength;
    }

    /** The reason, the input and a caret line under the faulty span. */
    @Override
    public String getMessage() {
        return render(reason, input, errorIndex, errorLength);
    }

    /**
     * Renders a reason with its input and a caret line. Control characters in the input are shown as
     * escapes ({@code \n}, {@code \t}, {@code \x01}) so that the caret stays under the right character.
     */
    public static String render(String reason, String input, int errorIndex, int errorLength) {
        StringBuilder shown = new StringBuilder(input.length() + 8);
        int caretStart = -1;
        int caretEnd = -1;
        for (int i = 0; i <= input.length(); i++) {
            if (i == errorIndex) {
                caretStart = shown.length();
            }
            if (i == errorIndex + Math.max(1, errorLength)) {
                caretEnd = shown.length();
            }
            if (i == input.length()) {
                break;
            }
            char c = input.charAt(i);
            if (c == '\n') {
                shown.append("\\n");
            } else if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\t') {
                shown.append("\\t");
            } else if (Character.isISOControl(c)) {
                shown.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                shown.append(c);
            }
        }
        if (caretStart < 0) {
            caretStart = shown.length();
        }
        if (caretEnd < 0 || caretEnd <= caretStart) {
            caretEnd = caretStart + 1;
        }
        return reason + "\n" + shown + "\n" + " ".repeat(caretStart) + "^".repeat(caretEnd - caretStart);
    }
}
