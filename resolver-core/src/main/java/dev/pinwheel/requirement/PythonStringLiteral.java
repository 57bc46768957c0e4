package dev.pinwheel.requirement;

/**
 * Decodes a quoted marker value the way packaging 26 does, with Python's {@code ast.literal_eval}: a
 * single- or double-quoted Python string literal with its backslash escapes. Stateless.
 */
final class PythonStringLiteral {
    private PythonStringLiteral() {
    }

    /**
     * Decodes {@code literal}, which starts and ends with the same quote character and does not contain
     * it unescaped in between (the tokenizer guarantees that much).
     *
     * @throws IllegalArgumentException when Python would reject the literal: an escaped closing quote,
     *                                  a bare line break, a NUL character or a malformed escape
     */
    static String decode(String literal) {
        char quote = literal.charAt(0);
        int end = literal.length() - 1;
        StringBuilder out = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("NUL character in string literal");
            }
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("Unterminated string literal");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= end) {
                // The backslash escapes the closing quote: the literal never ends.
                throw new IllegalArgumentException("Unterminated string literal");
            }
            char e = literal.charAt(++i);
            switch (e) {
                case '\n':
                    break;
                case '\r':
                    if (i + 1 < end && literal.charAt(i + 1) == '\n') {
                        i++;
                    }
                    break;
                case '\\':
                case '\'':
                case '"':
                    out.append(e);
                    break;
                case 'a':
                    out.append('\u0007');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'v':
                    out.append('\u000b');
                    break;
                case 'x':
                    out.appendCodePoint(hex(literal, i + 1, 2, end));
                    i += 2;
                    break;
                case 'u':
                    out.appendCodePoint(hex(literal, i + 1, 4, end));
                    i += 4;
                    break;
                case 'U': {
                    int cp = hex(literal, i + 1, 8, end);
                    if (cp > Character.MAX_CODE_POINT) {
                        throw new IllegalArgumentException("Illegal Unicode character");
                    }
                    out.appendCodePoint(cp);
                    i += 8;
                    break;
                }
                case 'N': {
                    int close = literal.indexOf('}', i);
                    if (i + 1 >= end || literal.charAt(i + 1) != '{' || close < 0 || close >= end || close == i + 2) {
                        throw new IllegalArgumentException("Malformed \\N character escape");
                    }
                    try {
                        out.appendCodePoint(Character.codePointOf(literal.substring(i + 2, close)));
                    } catch (IllegalArgumentException unknown) {
                        throw new IllegalArgumentException("Unknown Unicode character name", unknown);
                    }
                    i = close;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < end && literal.charAt(i + 1) >= '0' && literal.charAt(i + 1) <= '7') {
                            value = value * 8 + (literal.charAt(++i) - '0');
                            digits++;
                        }
                        out.appendCodePoint(value);
                    } else {
                        // Python keeps unknown escapes as they are (with a warning).
                        out.append('\\').append(e);
                    }
            }
        }
        if (quote != literal.charAt(end)) {
            throw new IllegalArgumentException("Unterminated string literal");
        }
        return out.toString();
    }

    private static int hex(String s, int from, int count, int end) {
        if (from + count > end) {
            throw new IllegalArgumentException("Truncated escape");
        }
        int value = 0;
        for (int k = from; k < from + count; k++) {
            int digit = Character.digit(s.charAt(k), 16);
            if (digit < 0 || s.charAt(k) > 127) {
                throw new IllegalArgumentException("Truncated escape");
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
