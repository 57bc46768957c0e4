package dev.pinwheel.metadata;

/**
 * The few Python string semantics that core metadata parsing depends on, so that values are trimmed and split
 * exactly where packaging trims and splits them.
 */
final class PyText {
    private PyText() {
    }

    /** Python's {@code str.isspace()} for one character (whitespace by bidirectional class or Zs). */
    static boolean isSpace(char c) {
        switch (c) {
            case '\t': case '\n': case 0x0b: case 0x0c: case '\r':
            case 0x1c: case 0x1d: case 0x1e: case 0x1f: case ' ':
            case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
            case 0x202f: case 0x205f: case 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200a;
        }
    }

    /** Python's {@code str.strip()} without arguments. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code str.rstrip()} without arguments. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Python's {@code str.lstrip()} without arguments. */
    static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    /** Whether {@code c} ends a line for Python's {@code str.splitlines()}. */
    static boolean isLineBoundary(char c) {
        switch (c) {
            case '\n': case '\r': case 0x0b: case 0x0c: case 0x1c: case 0x1d: case 0x1e:
            case 0x85: case 0x2028: case 0x2029:
                return true;
            default:
                return false;
        }
    }

    /** Whether {@code s} holds a character that Python's {@code str.splitlines()} splits on. */
    static boolean hasLineBoundary(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isLineBoundary(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether every character is ASCII. */
    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
