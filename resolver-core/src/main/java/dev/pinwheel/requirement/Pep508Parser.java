package dev.pinwheel.requirement;

import dev.pinwheel.requirement.Pep508Tokenizer.Kind;
import dev.pinwheel.requirement.Pep508Tokenizer.SyntaxError;
import dev.pinwheel.requirement.Pep508Tokenizer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser for PEP 508 dependency specifiers and markers, following the grammar and
 * error messages of packaging 26's {@code _parser.py}. Stateless; each call makes its own tokenizer.
 */
final class Pep508Parser {
    private static final Set<String> VARIABLE_NAMES = Set.of(
            "python_version", "python_full_version", "os_name", "sys_platform", "platform_release",
            "platform_system", "platform_version", "platform_machine", "platform_python_implementation",
            "implementation_name", "implementation_version", "extra", "extras", "dependency_groups");

    /** The deepest parenthesis nesting accepted in a marker. */
    static final int MAX_NESTING = 200;

    private Pep508Parser() {
    }

    static boolean isVariableName(String name) {
        return name != null && VARIABLE_NAMES.contains(name);
    }

    /** The parts of a requirement, before the specifier and name are interpreted. */
    record ParsedRequirement(String name, int nameStart, List<String> extras, String specifier, int specifierStart,
                             Optional<String> url, Optional<Marker> marker) {
    }

    /** The caret length for packaging's span {@code [start, end]} (caret under {@code end} too). */
    static int spanLength(String input, SyntaxError e) {
        int length = e.end - e.start + 1;
        return Math.max(0, Math.min(length, input.length() - e.start));
    }

    static Marker parseMarker(String source) throws SyntaxError {
        Pep508Tokenizer t = new Pep508Tokenizer(source);
        Marker marker = marker(t);
        t.expect(Kind.END, "end of marker expression");
        return marker;
    }

    /** requirement = WS? IDENTIFIER WS? extras WS? requirement_details END. */
    static ParsedRequirement parseRequirement(String source) throws SyntaxError {
        Pep508Tokenizer t = new Pep508Tokenizer(source);
        t.consume(Kind.WS);
        Token name = t.expect(Kind.IDENTIFIER, "package name at the start of dependency specifier");
        t.consume(Kind.WS);
        List<String> extras = extras(t);
        t.consume(Kind.WS);

        String specifier = "";
        int specifierStart = t.position();
        Optional<String> url = Optional.empty();
        Optional<Marker> marker = Optional.empty();
        if (t.check(Kind.AT)) {
            t.read();
            t.consume(Kind.WS);
            int urlStart = t.position();
            url = Optional.of(t.expect(Kind.URL, "URL after @").text());
            if (!t.check(Kind.END, true)) {
                t.expect(Kind.WS, "whitespace after URL");
                if (!t.check(Kind.END, true)) {
                    marker = Optional.of(requirementMarker(t, urlStart, "semicolon (after URL and whitespace)"));
                }
            }
        } else {
            specifierStart = t.position();
            specifier = specifier(t);
            t.consume(Kind.WS);
            if (!t.check(Kind.END, true)) {
                marker = Optional.of(requirementMarker(t, specifierStart, specifier.isEmpty()
                        ? "semicolon (after name with no version specifier)"
                        : "comma (within version specifier), semicolon (after version specifier)"));
            }
        }
        t.expect(Kind.END, "end of dependency specifier");
        return new ParsedRequirement(name.text(), name.position(), extras, specifier, specifierStart, url, marker);
    }

    /** requirement_marker = SEMICOLON marker WS?. */
    private static Marker requirementMarker(Pep508Tokenizer t, int spanStart, String expected) throws SyntaxError {
        if (!t.check(Kind.SEMICOLON)) {
            throw t.error("Expected " + expected + " or end", spanStart, t.position());
        }
        t.read();
        Marker marker = marker(t);
        t.consume(Kind.WS);
        return marker;
    }

    /** extras = (LEFT_BRACKET WS? extras_list? WS? RIGHT_BRACKET)?. */
    private static List<String> extras(Pep508Tokenizer t) throws SyntaxError {
        if (!t.check(Kind.LEFT_BRACKET, true)) {
            return List.of();
        }
        t.check(Kind.LEFT_BRACKET);
        int open = t.position();
        t.read();
        t.consume(Kind.WS);
        List<String> extras = new ArrayList<>();
        if (t.check(Kind.IDENTIFIER)) {
            extras.add(t.read().text());
            while (true) {
                t.consume(Kind.WS);
                if (t.check(Kind.IDENTIFIER, true)) {
                    throw t.error("Expected comma between extra names");
                } else if (!t.check(Kind.COMMA)) {
                    break;
                }
                t.read();
                t.consume(Kind.WS);
                extras.add(t.expect(Kind.IDENTIFIER, "extra name after comma").text());
            }
        }
        t.consume(Kind.WS);
        if (!t.check(Kind.RIGHT_BRACKET)) {
            throw t.error("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open, t.position());
        }
        t.read();
        return extras;
    }

    /** specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS?. */
    private static String specifier(Pep508Tokenizer t) throws SyntaxError {
        int open = -1;
        if (t.check(Kind.LEFT_PARENTHESIS)) {
            open = t.position();
            t.read();
        }
        t.consume(Kind.WS);
        String specifiers = versionMany(t);
        t.consume(Kind.WS);
        if (open >= 0) {
            if (!t.check(Kind.RIGHT_PARENTHESIS)) {
                throw t.error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
                        open, t.position());
            }
            t.read();
        }
        return specifiers;
    }

    /** version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?. */
    private static String versionMany(Pep508Tokenizer t) throws SyntaxError {
        StringBuilder specifiers = new StringBuilder();
        while (t.check(Kind.SPECIFIER)) {
            int spanStart = t.position();
            String specifier = t.read().text();
            specifiers.append(specifier);
            if (t.check(Kind.VERSION_PREFIX_TRAIL, true)) {
                String op = specifier.stripLeading();
                if (op.startsWith("==") || op.startsWith("!=")) {
                    throw t.error(".* suffix cannot be used after pre-release, post-release, "
                            + "developmental release, or local version labels", spanStart, t.position() + 1);
                }
                throw t.error(".* suffix can only be used with `==` or `!=` operators", spanStart, t.position() + 1);
            }
            if (t.check(Kind.VERSION_LOCAL_LABEL_TRAIL, true)) {
                throw t.error("Local version label can only be used with `==` or `!=` operators",
                        spanStart, t.position());
            }
            t.consume(Kind.WS);
            if (!t.check(Kind.COMMA)) {
                break;
            }
            specifiers.append(t.read().text());
            t.consume(Kind.WS);
        }
        return specifiers.toString();
    }

    /** marker = marker_atom (BOOLOP marker_atom)*. */
    private static Marker marker(Pep508Tokenizer t) throws SyntaxError {
        List<Marker> terms = new ArrayList<>();
        List<Marker.Connective> connectives = new ArrayList<>();
        terms.add(markerAtom(t));
        while (t.check(Kind.BOOLOP)) {
            connectives.add(t.read().text().equals("and") ? Marker.Connective.AND : Marker.Connective.OR);
            terms.add(markerAtom(t));
        }
        return terms.size() == 1 ? terms.get(0) : new Marker.Compound(terms, connectives);
    }

    /**
     * marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS? | WS? marker_item WS?.
     * Parentheses around a single term, or around a whole marker, leave no trace.
     */
    private static Marker markerAtom(Pep508Tokenizer t) throws SyntaxError {
        t.consume(Kind.WS);
        Marker atom;
        if (t.check(Kind.LEFT_PARENTHESIS, true)) {
            t.check(Kind.LEFT_PARENTHESIS);
            int open = t.position();
            if (t.depth++ >= MAX_NESTING) {
                // packaging fails with Python's RecursionError here; a parse error is kinder than a stack overflow.
                throw t.error("Marker expression nested more than " + MAX_NESTING + " parentheses deep", open, open);
            }
            t.read();
            t.consume(Kind.WS);
            atom = marker(t);
            t.depth--;
            t.consume(Kind.WS);
            if (!t.check(Kind.RIGHT_PARENTHESIS)) {
                throw t.error("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
                        open, t.position());
            }
            t.read();
        } else {
            atom = markerItem(t);
        }
        t.consume(Kind.WS);
        return atom;
    }

    /**
     * PEP 685: a value compared with {@code extra} (or a member tested against {@code extras} or
     * {@code dependency_groups}) is normalised when parsed, wherever it stands; a variable compared
     * with {@code extra} is left alone.
     */
    private static Marker.Comparison comparison(Marker.Operand left, Marker.Operator op, Marker.Operand right) {
        if (left instanceof Marker.Value && isNameVariable(right)) {
            left = normalized((Marker.Value) left);
        } else if (right instanceof Marker.Value && isNameVariable(left)) {
            right = normalized((Marker.Value) right);
        }
        return new Marker.Comparison(left, op, right);
    }

    private static boolean isNameVariable(Marker.Operand operand) {
        if (!(operand instanceof Marker.Variable)) {
            return false;
        }
        String name = ((Marker.Variable) operand).name();
        return name.equals("extra") || name.equals("extras") || name.equals("dependency_groups");
    }

    private static Marker.Value normalized(Marker.Value value) {
        return new Marker.Value(MarkerEvaluator.canonicalize(value.value()));
    }

    /** marker_item = WS? marker_var WS? marker_op WS? marker_var WS?. */
    private static Marker.Comparison markerItem(Pep508Tokenizer t) throws SyntaxError {
        t.consume(Kind.WS);
        Marker.Operand left = markerVar(t);
        t.consume(Kind.WS);
        Marker.Operator op = markerOp(t);
        t.consume(Kind.WS);
        Marker.Operand right = markerVar(t);
        t.consume(Kind.WS);
        return comparison(left, op, right);
    }

    /** marker_var = VARIABLE | QUOTED_STRING. */
    private static Marker.Operand markerVar(Pep508Tokenizer t) throws SyntaxError {
        if (t.check(Kind.VARIABLE)) {
            String name = t.read().text().replace('.', '_');
            return new Marker.Variable(name.equals("python_implementation") ? "platform_python_implementation" : name);
        }
        if (t.check(Kind.QUOTED_STRING)) {
            Token token = t.read();
            try {
                return new Marker.Value(PythonStringLiteral.decode(token.text()));
            } catch (IllegalArgumentException e) {
                throw t.error("Invalid quoted string", token.position(), token.position() + token.text().length());
            }
        }
        throw t.error("Expected a marker variable or quoted string");
    }

    /** marker_op = IN | NOT IN | OP. */
    private static Marker.Operator markerOp(Pep508Tokenizer t) throws SyntaxError {
        if (t.check(Kind.IN)) {
            t.read();
            return Marker.Operator.IN;
        }
        if (t.check(Kind.NOT)) {
            t.read();
            t.expect(Kind.WS, "whitespace after 'not'");
            t.expect(Kind.IN, "'in' after 'not'");
            return Marker.Operator.NOT_IN;
        }
        if (t.check(Kind.OP)) {
            return Marker.Operator.ofSymbol(t.read().text());
        }
        throw t.error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }
}
