package dev.pinwheel.metadata;

import java.util.Optional;

/**
 * Validation of {@code License-File} paths (PEP 639), as packaging 26 validates them: no {@code ..}, no
 * {@code *}, not absolute (POSIX or Windows), and written exactly as their normalized {@code /}-separated
 * form (no {@code \}, no empty or {@code .} segments, no trailing {@code /}).
 */
final class LicenseFiles {
    private LicenseFiles() {
    }

    /** Why {@code path} is not a valid license file path, or empty. */
    static Optional<String> problem(String path) {
        if (path.contains("..")) {
            return Optional.of("parent directory indicators (`..`) are not allowed");
        }
        if (path.contains("*")) {
            return Optional.of("paths must be resolved, not glob patterns");
        }
        if (isAbsolute(path)) {
            return Optional.of("paths must be relative");
        }
        if (!isNormalizedPosix(path)) {
            return Optional.of("paths must be normalized and use `/` as the delimiter");
        }
        return Optional.empty();
    }

    /** Absolute for POSIX ({@code /x}) or Windows ({@code C:\x}, {@code C:/x}, {@code \\server\share}). */
    private static boolean isAbsolute(String path) {
        if (path.startsWith("/")) {
            return true;
        }
        if (path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '/' || path.charAt(2) == '\\')) {
            return true;
        }
        return (path.startsWith("\\\\") || path.startsWith("//") || path.startsWith("\\/") || path.startsWith("/\\"))
                && path.length() > 2;
    }

    /** Whether Windows path normalization followed by {@code as_posix()} gives {@code path} back. */
    private static boolean isNormalizedPosix(String path) {
        if (path.equals(".")) {
            return true;
        }
        if (path.isEmpty() || path.indexOf('\\') >= 0) {
            return false;
        }
        int start = 0;
        // A drive letter prefix ("C:x") is kept as is by the normalization.
        if (path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':') {
            start = 2;
            if (start == path.length()) {
                return true;
            }
        }
        String[] segments = path.substring(start).split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
