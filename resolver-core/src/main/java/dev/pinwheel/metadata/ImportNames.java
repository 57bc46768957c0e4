package dev.pinwheel.metadata;

import java.util.Optional;
import java.util.Set;

/**
 * Validation of {@code Import-Name} and {@code Import-Namespace} values (PEP 794), as packaging 26 validates
 * them: a dotted name of Python identifiers that are not keywords, optionally followed by {@code ;} and
 * {@code private}.
 */
final class ImportNames {
    /** Python 3's {@code keyword.kwlist} (hard keywords only). */
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    private ImportNames() {
    }

    /** Why {@code value} is not a valid import name, or empty. */
    static Optional<String> problem(String value) {
        int semi = value.indexOf(';');
        String name = PyText.rstrip(semi < 0 ? value : value.substring(0, semi));
        for (String identifier : name.split("\\.", -1)) {
            if (!isIdentifier(identifier)) {
                return Optional.of("`" + identifier + "` is not a valid Python identifier");
            }
            if (KEYWORDS.contains(identifier)) {
                return Optional.of("`" + identifier + "` is a Python keyword");
            }
        }
        if (semi >= 0 && !PyText.lstrip(value.substring(semi + 1)).equals("private")) {
            return Optional.of("the only option after `;` is `private`");
        }
        return Optional.empty();
    }

    /** Python's {@code str.isidentifier()}, up to NFKC subtleties. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
