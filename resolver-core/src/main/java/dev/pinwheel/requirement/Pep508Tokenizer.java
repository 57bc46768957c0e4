package dev.pinwheel.requirement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context-sensitive tokenizer for PEP 508 dependency specifiers and markers. The parser asks whether a
 * given kind of token comes next, as packaging's {@code _tokenizer.Tokenizer} does; the token rules
 * reproduce packaging 26's regular expressions, including Python's Unicode notion of {@code \b} and
 * {@code \s}. Not thread-safe; one instance per parse.
 */
final class Pep508Tokenizer {

    /** Token kinds, in the sense of packaging's {@code DEFAULT_RULES}. */
    enum Kind {
        LEFT_PARENTHESIS, RIGHT_PARENTHESIS, LEFT_BRACKET, RIGHT_BRACKET, SEMICOLON, COMMA,
        QUOTED_STRING, OP, BOOLOP, IN, NOT, VARIABLE, SPECIFIER, AT, URL, IDENTIFIER,
        VERSION_PREFIX_TRAIL, VERSION_LOCAL_LABEL_TRAIL, WS, END
    }

    /** A token read from the source. */
    record Token(Kind kind, String text, int position) {
    }

    /** A syntax error with packaging's span convention: {@code [start, end]}, caret at {@code end}. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int start;
        final int end;

        SyntaxError(String message, int start, int end) {
            super(message, null, false, false);
            this.start = start;
            this.end = end;
        }
    }

    /** Characters Python's {@code \s} matches beyond Java's {@code \s}. */
    private static final String PY_SPACE = "\\s\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String WS_STAR = "[" + PY_SPACE + "]*";
    /** packaging's {@code Specifier._specifier_regex_str}, matched case-insensitively. */
    private static final Pattern SPECIFIER = Pattern.compile(
            "(?:===" + WS_STAR + "[^" + PY_SPACE + ";)]*)"
                    + "|(?:(?:==|!=)" + WS_STAR + "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
                    + "(?:\\.\\*|" + PRE + POST + DEV + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)"
                    + "|(?:~=" + WS_STAR + "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
                    + "|(?:(?:<=|>=|<|>)" + WS_STAR + "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_LABEL_TRAIL = Pattern.compile("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*");

    /** Marker variable spellings, in the order packaging's VARIABLE rule tries them. */
    private static final String[] VARIABLES = {
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "sys.platform",
        "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras", "extra",
        "dependency_groups",
    };
    private static final String[] OPS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};

    private final String source;
    /** Made on first use: markers never need them. */
    private Matcher specifierMatcher;
    private Matcher localLabelMatcher;
    private int position;
    private Token next;
    /** Parenthesis nesting, kept here for the parser (one tokenizer per parse). */
    int depth;

    Pep508Tokenizer(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    int position() {
        return position;
    }

    /** Reads past a token of this kind if one comes next. */
    void consume(Kind kind) {
        if (check(kind)) {
            read();
        }
    }

    /** Whether a token of this kind comes next; loads it for {@link #read()}. */
    boolean check(Kind kind) {
        return check(kind, false);
    }

    /** Whether a token of this kind comes next; with {@code peek}, it is not loaded. */
    boolean check(Kind kind, boolean peek) {
        if (next != null) {
            throw new IllegalStateException("Cannot check for " + kind + ", already have " + next);
        }
        int length = match(kind, position);
        if (length < 0) {
            return false;
        }
        if (!peek) {
            next = new Token(kind, source.substring(position, position + length), position);
        }
        return true;
    }

    /** Reads a token of this kind, or fails with {@code Expected <expected>}. */
    Token expect(Kind kind, String expected) throws SyntaxError {
        if (!check(kind)) {
            throw error("Expected " + expected);
        }
        return read();
    }

    /** Returns the token loaded by the last successful {@link #check}. */
    Token read() {
        Token token = next;
        if (token == null) {
            throw new IllegalStateException("No token was checked");
        }
        position += token.text().length();
        next = null;
        return token;
    }

    SyntaxError error(String message) {
        return new SyntaxError(message, position, position);
    }

    SyntaxError error(String message, int start, int end) {
        return new SyntaxError(message, start, end);
    }

    /** The length of a token of this kind at {@code at}, or -1. */
    private int match(Kind kind, int at) {
        int n = source.length();
        switch (kind) {
            case LEFT_PARENTHESIS:
                return at < n && source.charAt(at) == '(' ? 1 : -1;
            case RIGHT_PARENTHESIS:
                return at < n && source.charAt(at) == ')' ? 1 : -1;
            case LEFT_BRACKET:
                return at < n && source.charAt(at) == '[' ? 1 : -1;
            case RIGHT_BRACKET:
                return at < n && source.charAt(at) == ']' ? 1 : -1;
            case SEMICOLON:
                return at < n && source.charAt(at) == ';' ? 1 : -1;
            case COMMA:
                return at < n && source.charAt(at) == ',' ? 1 : -1;
            case AT:
                return at < n && source.charAt(at) == '@' ? 1 : -1;
            case QUOTED_STRING: {
                if (at >= n) {
                    return -1;
                }
                char quote = source.charAt(at);
                if (quote != '\'' && quote != '"') {
                    return -1;
                }
                int close = source.indexOf(quote, at + 1);
                return close < 0 ? -1 : close + 1 - at;
            }
            case OP:
                for (String op : OPS) {
                    if (source.startsWith(op, at)) {
                        return op.length();
                    }
                }
                return -1;
            case BOOLOP: {
                int or = word("or", at);
                return or >= 0 ? or : word("and", at);
            }
            case IN:
                return word("in", at);
            case NOT:
                return word("not", at);
            case VARIABLE:
                for (String variable : VARIABLES) {
                    int length = word(variable, at);
                    if (length >= 0) {
                        return length;
                    }
                }
                return -1;
            case SPECIFIER:
                if (specifierMatcher == null) {
                    specifierMatcher = SPECIFIER.matcher(source);
                }
                specifierMatcher.region(at, n);
                return specifierMatcher.lookingAt() ? specifierMatcher.end() - at : -1;
            case URL: {
                int end = at;
                while (end < n && source.charAt(end) != ' ' && source.charAt(end) != '\t') {
                    end++;
                }
                return end > at ? end - at : -1;
            }
            case IDENTIFIER:
                return identifier(at);
            case VERSION_PREFIX_TRAIL:
                return source.startsWith(".*", at) ? 2 : -1;
            case VERSION_LOCAL_LABEL_TRAIL:
                if (at >= n || source.charAt(at) != '+') {
                    return -1;
                }
                if (localLabelMatcher == null) {
                    localLabelMatcher = LOCAL_LABEL_TRAIL.matcher(source);
                }
                localLabelMatcher.region(at, n);
                return localLabelMatcher.lookingAt() ? localLabelMatcher.end() - at : -1;
            case WS: {
                int end = at;
                while (end < n && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
                    end++;
                }
                return end > at ? end - at : -1;
            }
            case END:
                return at == n ? 0 : -1;
            default:
                throw new AssertionError(kind);
        }
    }

    /** {@code \bword\b} at {@code at}: the length of {@code word}, or -1. */
    private int word(String word, int at) {
        if (!source.startsWith(word, at) || !isBoundary(at) || !isBoundary(at + word.length())) {
            return -1;
        }
        return word.length();
    }

    /** {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b}, backtracking to the longest match as Python's re does. */
    private int identifier(int at) {
        int n = source.length();
        if (at >= n || !isAsciiAlnum(source.charAt(at)) || !isBoundary(at)) {
            return -1;
        }
        int end = at + 1;
        while (end < n && isIdentifierChar(source.charAt(end))) {
            end++;
        }
        for (; end > at; end--) {
            if (isBoundary(end)) {
                return end - at;
            }
        }
        return -1;
    }

    /** Python's {@code \b}: a word character on exactly one side. */
    private boolean isBoundary(int at) {
        boolean before = at > 0 && isWordChar(source.codePointBefore(at));
        boolean after = at < source.length() && isWordChar(source.codePointAt(at));
        return before != after;
    }

    /** Python's Unicode {@code \w}: alphanumeric (letters and any numeric) or underscore. */
    static boolean isWordChar(int cp) {
        if (cp < 128) {
            return isAsciiAlnum((char) cp) || cp == '_';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isIdentifierChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-';
    }
}
