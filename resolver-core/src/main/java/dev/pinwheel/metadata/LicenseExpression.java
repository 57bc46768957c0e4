package dev.pinwheel.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An SPDX license expression as the {@code License-Expression} field holds it
 * (<a href="https://peps.python.org/pep-0639/">PEP 639</a>), in the normalized form of packaging 26's
 * {@code canonicalize_license_expression}.
 *
 * <p>Grammar: {@code or := and ("OR" and)*}, {@code and := term ("AND" term)*},
 * {@code term := "(" or ")" | license ["WITH" exception]}, where a license is an SPDX license identifier,
 * optionally followed by {@code +}, or {@code LicenseRef-} followed by letters, digits, {@code .} and
 * {@code -} (no {@code +}). Operators and identifiers are case-insensitive. {@code WITH} applies to a single
 * license, never to a parenthesized expression, and only once.
 *
 * <p>Normalization: identifiers take their SPDX spelling, operators become upper case, the {@code LicenseRef-}
 * prefix takes that spelling (the rest is kept), tokens are separated by one space, and parentheses are kept
 * as written but hug their contents.
 *
 * <pre>{@code
 * LicenseExpression.parse("mit and (apache-2.0 or bsd-2-clause)").toString();
 *     // "MIT AND (Apache-2.0 OR BSD-2-Clause)"
 * LicenseExpression.parse("Use-it-after-midnight");   // InvalidLicenseExpressionException
 * }</pre>
 *
 * <p>The identifier lists are those of the SPDX License List 3.27.0 (CC0-1.0), as shipped by packaging 26.2.
 * Instances are immutable and thread-safe; equality is on the normalized text.
 */
public final class LicenseExpression {
    private final String normalized;

    private LicenseExpression(String normalized) {
        this.normalized = normalized;
    }

    /**
     * Parses and normalizes a license expression.
     *
     * @throws InvalidLicenseExpressionException if the expression is empty, malformed, or names an unknown
     *                                           license or exception
     */
    public static LicenseExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new LicenseExpression(new Parser(expression).parse());
    }

    /** Like {@link #parse(String)}, but empty instead of throwing. */
    public static Optional<LicenseExpression> tryParse(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(expression));
        } catch (InvalidLicenseExpressionException e) {
            return Optional.empty();
        }
    }

    /** The normalized expression: {@code "MIT AND (Apache-2.0 OR BSD-2-Clause)"}. */
    @Override
    public String toString() {
        return normalized;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LicenseExpression && ((LicenseExpression) o).normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** The SPDX identifier lists, loaded once; immutable. */
    private static final class Spdx {
        static final Map<String, String> LICENSES = load("spdx-licenses.txt");
        static final Map<String, String> EXCEPTIONS = load("spdx-exceptions.txt");

        private static Map<String, String> load(String resource) {
            Map<String, String> ids = new HashMap<>();
            try (InputStream in = LicenseExpression.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        ids.put(line.toLowerCase(Locale.ROOT), line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
            return Map.copyOf(ids);
        }
    }

    private static final class Token {
        final String text;
        final int start;

        Token(String text, int start) {
            this.text = text;
            this.start = start;
        }

        boolean is(String word) {
            return text.equalsIgnoreCase(word);
        }

        boolean isOperator() {
            return is("and") || is("or") || is("with");
        }
    }

    private static final class Parser {
        private static final String REF = "licenseref-";
        private final String input;
        private final List<Token> tokens = new ArrayList<>();
        private final List<String> out = new ArrayList<>();
        private int i;

        Parser(String input) {
            this.input = input;
            int n = input.length();
            int p = 0;
            while (p < n) {
                char c = input.charAt(p);
                if (PyText.isSpace(c)) {
                    p++;
                } else if (c == '(' || c == ')') {
                    tokens.add(new Token(String.valueOf(c), p));
                    p++;
                } else {
                    int s = p;
                    while (p < n && !PyText.isSpace(input.charAt(p)) && input.charAt(p) != '('
                            && input.charAt(p) != ')') {
                        p++;
                    }
                    tokens.add(new Token(input.substring(s, p), s));
                }
            }
        }

        String parse() {
            if (tokens.isEmpty()) {
                throw fail("Expected a license expression, found an empty string", input.length(), 0);
            }
            orExpr();
            if (i < tokens.size()) {
                Token t = tokens.get(i);
                throw fail(t.is(")") ? "Unmatched `)`"
                        : "Expected `AND`, `OR` or the end of the expression, found `" + t.text + "`", t);
            }
            StringBuilder b = new StringBuilder();
            for (String s : out) {
                if (b.length() > 0 && !s.equals(")") && b.charAt(b.length() - 1) != '(') {
                    b.append(' ');
                }
                b.append(s);
            }
            return b.toString();
        }

        private void orExpr() {
            andExpr();
            while (i < tokens.size() && tokens.get(i).is("or")) {
                out.add("OR");
                i++;
                andExpr();
            }
        }

        private void andExpr() {
            term();
            while (i < tokens.size() && tokens.get(i).is("and")) {
                out.add("AND");
                i++;
                term();
            }
        }

        private void term() {
            if (i >= tokens.size()) {
                throw fail("Expected a license or `(`, found the end of the expression", input.length(), 0);
            }
            Token t = tokens.get(i);
            if (t.is("(")) {
                out.add("(");
                i++;
                orExpr();
                if (i >= tokens.size()) {
                    throw fail("Expected `)`, found the end of the expression", input.length(), 0);
                }
                Token close = tokens.get(i);
                if (!close.is(")")) {
                    throw fail("Expected `)`, found `" + close.text + "`", close);
                }
                out.add(")");
                i++;
                return;
            }
            if (t.is(")") || t.isOperator()) {
                throw fail("Expected a license or `(`, found `" + t.text + "`", t);
            }
            out.add(license(t));
            i++;
            if (i < tokens.size() && tokens.get(i).is("with")) {
                out.add("WITH");
                i++;
                if (i >= tokens.size()) {
                    throw fail("Expected a license exception after `WITH`, found the end of the expression",
                            input.length(), 0);
                }
                Token e = tokens.get(i);
                String id = Spdx.EXCEPTIONS.get(e.text.toLowerCase(Locale.ROOT));
                if (id == null) {
                    throw fail(e.is("(") || e.is(")") || e.isOperator()
                            ? "Expected a license exception after `WITH`, found `" + e.text + "`"
                            : "Unknown license exception `" + e.text + "`", e);
                }
                out.add(id);
                i++;
            }
        }

        private String license(Token t) {
            String text = t.text;
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith(REF)) {
                String ref = text.substring(REF.length());
                if (ref.isEmpty()) {
                    throw fail("Expected an identifier after `LicenseRef-`", t);
                }
                for (int k = 0; k < ref.length(); k++) {
                    char c = ref.charAt(k);
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                            || c == '.' || c == '-')) {
                        throw fail("A `LicenseRef-` identifier may only hold ASCII letters, digits, `.` and `-`,"
                                + " found `" + c + "`", t.start + REF.length() + k, 1);
                    }
                }
                return "LicenseRef-" + ref;
            }
            boolean plus = lower.endsWith("+");
            String base = plus ? lower.substring(0, lower.length() - 1) : lower;
            String id = Spdx.LICENSES.get(base);
            if (id == null) {
                throw fail("Unknown license `" + text + "`", t);
            }
            return plus ? id + "+" : id;
        }

        private InvalidLicenseExpressionException fail(String reason, Token t) {
            return fail(reason, t.start, t.text.length());
        }

        private InvalidLicenseExpressionException fail(String reason, int index, int length) {
            return new InvalidLicenseExpressionException(reason, input, index, length);
        }
    }
}
