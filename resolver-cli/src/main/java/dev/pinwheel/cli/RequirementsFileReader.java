package dev.pinwheel.cli;

import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.text.InvalidInputException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements files in pip's format: one requirement per line, {@code #} comments, {@code \}
 * continuations, {@code -r}/{@code -c} nesting relative to the including file, the index options
 * ({@code --index-url}, {@code --extra-index-url}, {@code --find-links}, {@code --no-index}), per-requirement
 * {@code --hash} options, markers and {@code name @ url}. Errors name {@code file:line} and show a caret.
 */
final class RequirementsFileReader {
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");

    private final Inputs inputs;
    private final Function<String, Optional<String>> environment;
    private final Path cwd;
    private final Deque<Path> stack = new ArrayDeque<>();
    private final Deque<Path> shownStack = new ArrayDeque<>();

    /**
     * @param inputs      what is read is added here
     * @param environment looks up {@code ${VAR}} references (pip expands them in requirements files)
     * @param cwd         relative paths are read against this directory, and shown as written
     */
    RequirementsFileReader(Inputs inputs, Function<String, Optional<String>> environment, Path cwd) {
        this.inputs = inputs;
        this.environment = environment;
        this.cwd = cwd;
    }

    /** Reads {@code file} as requirements ({@code constraint} false) or constraints. */
    void read(Path file, boolean constraint) {
        Path key = cwd.resolve(file).toAbsolutePath().normalize();
        if (stack.contains(key)) {
            throw new UsageException("Requirements file `" + file + "` includes itself (through "
                    + display(shownStack.peekFirst()) + ")");
        }
        String text = readText(cwd.resolve(file), file, stack.isEmpty() ? Optional.empty() : Optional.of(shownStack.peekFirst()));
        stack.push(key);
        shownStack.push(file);
        try {
            parse(file, text, constraint);
        } finally {
            stack.pop();
            shownStack.pop();
        }
    }

    /** Reads the text of standard input or of a file named by the user or by an including file. */
    static String readText(Path actual, Path file, Optional<Path> includedFrom) {
        try {
            if (Files.isDirectory(actual)) {
                throw new UsageException("`" + display(file) + "` is a directory, not a file");
            }
            byte[] bytes = Files.readAllBytes(actual);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new UsageException("File not found: `" + display(file) + "`" + includedFrom.map(p -> " (included from `" + display(p) + "`)").orElse(""), e);
        } catch (CharacterCodingException e) {
            throw new UsageException("File `" + display(file) + "` is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UsageException("Cannot read `" + display(file) + "`: " + e.getMessage(), e);
        }
    }

    /** Parses the text of one requirements file; {@code file} names it and anchors relative includes. */
    void parse(Path file, String text, boolean constraint) {
        String label = (constraint ? "-c " : "-r ") + display(file);
        List<String> physical = text.lines().toList();
        int i = 0;
        while (i < physical.size()) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder();
            String line = physical.get(i++);
            while (line.endsWith("\\") && i < physical.size()) {
                logical.append(line, 0, line.length() - 1);
                line = physical.get(i++);
            }
            logical.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            String content = COMMENT.matcher(logical).replaceFirst("").strip();
            if (content.isEmpty()) {
                continue;
            }
            content = expandVariables(content);
            String location = display(file) + ":" + lineNo;
            if (content.startsWith("-")) {
                option(file, location, content, constraint);
            } else {
                requirementLine(location, label, content, constraint);
            }
        }
    }

    private String expandVariables(String s) {
        Matcher m = ENV_VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void requirementLine(String location, String label, String content, boolean constraint) {
        // pip: the requirement ends at the first space-separated token that starts with `-`
        String[] tokens = content.split(" ", -1);
        int cut = tokens.length;
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t].startsWith("-")) {
                cut = t;
                break;
            }
        }
        String reqText = String.join(" ", java.util.Arrays.asList(tokens).subList(0, cut)).strip();
        List<String> options = splitOptions(location, String.join(" ", java.util.Arrays.asList(tokens).subList(cut, tokens.length)));
        List<String> hashes = new ArrayList<>();
        for (int o = 0; o < options.size(); o++) {
            String opt = options.get(o);
            String value;
            if (opt.equals("--hash")) {
                if (o + 1 >= options.size()) {
                    throw new UsageException(location + ": `--hash` needs a value such as `--hash=sha256:<hex>`\n    " + content);
                }
                value = options.get(++o);
            } else if (opt.startsWith("--hash=")) {
                value = opt.substring("--hash=".length());
            } else if (opt.startsWith("--config-settings") || opt.startsWith("--global-option") || opt.startsWith("--install-option")) {
                continue; // build options do not change what is resolved
            } else {
                throw new UsageException(location + ": Unsupported option `" + opt + "` after a requirement\n    " + content);
            }
            int colon = value.indexOf(':');
            if (colon <= 0 || !value.substring(colon + 1).matches("[0-9a-fA-F]+")) {
                throw new UsageException(location + ": Invalid hash `" + value + "`: expected `algorithm:hex`, such as `sha256:<64 hex digits>`\n    " + content);
            }
            hashes.add(value.substring(0, colon).toLowerCase(Locale.ROOT) + ":" + value.substring(colon + 1).toLowerCase(Locale.ROOT));
        }
        if (reqText.isEmpty()) {
            throw new UsageException(location + ": Expected a requirement before the options\n    " + content);
        }
        if (!NAMED_URL.matcher(reqText).lookingAt() && looksLikePathOrUrl(reqText)) {
            throw new UsageException(location + ": `" + reqText + "` is a path or URL without a project name; write it as `name @ "
                    + reqText + "`");
        }
        Requirement req;
        try {
            req = Requirement.parse(reqText);
        } catch (InvalidInputException e) {
            throw new UsageException(location + ": " + caret(e), e);
        }
        InputRequirement in = new InputRequirement(req, label, location, hashes);
        (constraint ? inputs.constraints : inputs.requirements).add(in);
    }

    /** The start of a PEP 508 {@code name [extras] @ url} requirement. */
    private static final java.util.regex.Pattern NAMED_URL =
            java.util.regex.Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\\s*(?:\\[[^\\]]*\\])?\\s*@");

    private static boolean looksLikePathOrUrl(String s) {
        return s.startsWith(".") || s.startsWith("/") || s.startsWith("~") || s.matches("(?i)[a-z][a-z0-9+.-]*://.*")
                || s.matches("(?i)file:.*") || s.endsWith(".whl") || s.endsWith(".tar.gz") || s.endsWith(".zip");
    }

    /** {@code reason}, then the input indented with a caret line under the problem. */
    static String caret(InvalidInputException e) {
        String rendered = InvalidInputException.render(e.reason(), e.input(), e.errorIndex(), e.errorLength());
        int nl = rendered.indexOf('\n');
        return rendered.substring(0, nl) + "\n" + rendered.substring(nl + 1).indent(4).stripTrailing();
    }

    private void option(Path file, String location, String content, boolean constraint) {
        List<String> args = splitOptions(location, content);
        int a = 0;
        while (a < args.size()) {
            String arg = args.get(a++);
            String name;
            Optional<String> value;
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                name = eq < 0 ? arg : arg.substring(0, eq);
                value = eq < 0 ? Optional.empty() : Optional.of(arg.substring(eq + 1));
            } else if (arg.length() > 2) {
                name = arg.substring(0, 2);
                value = Optional.of(arg.substring(2));
            } else {
                name = arg;
                value = Optional.empty();
            }
            switch (name) {
                case "-r", "--requirement", "-c", "--constraint" -> {
                    String v = value.isPresent() ? value.get() : next(args, a++, location, name, content);
                    Path nested = resolveNested(file, v);
                    read(nested, name.equals("-c") || name.equals("--constraint"));
                }
                case "-i", "--index-url" -> inputs.indexUrl = Optional.of(value.isPresent() ? value.get() : next(args, a++, location, name, content));
                case "--extra-index-url" -> inputs.extraIndexUrls.add(value.isPresent() ? value.get() : next(args, a++, location, name, content));
                case "-f", "--find-links" -> {
                    String v = value.isPresent() ? value.get() : next(args, a++, location, name, content);
                    inputs.findLinks.add(v.contains("://") || v.startsWith("file:") ? v : resolveNested(file, v).toString());
                }
                case "--no-index" -> inputs.noIndex = true;
                case "--pre" -> inputs.pre = true;
                case "--only-binary" -> inputs.onlyBinary.add(value.isPresent() ? value.get() : next(args, a++, location, name, content));
                case "--no-binary" -> inputs.noBinary.add(value.isPresent() ? value.get() : next(args, a++, location, name, content));
                case "--trusted-host", "--use-feature" -> {
                    if (value.isEmpty()) {
                        a++;
                    }
                }
                case "--prefer-binary", "--require-hashes" -> {
                    // no effect on the resolution: hashes are always checked when present
                }
                case "-e", "--editable" -> throw new UsageException(location + ": Editable requirements (`" + name
                        + "`) are not supported: Pinwheel locks index packages\n    " + content);
                default -> throw new UsageException(location + ": Unknown option `" + name + "` in a requirements file\n    "
                        + content + "\n    " + " ".repeat(Math.max(0, content.indexOf(name))) + "^".repeat(name.length()));
            }
        }
    }

    private static String next(List<String> args, int index, String location, String name, String content) {
        if (index >= args.size()) {
            throw new UsageException(location + ": `" + name + "` needs a value\n    " + content);
        }
        return args.get(index);
    }

    private static Path resolveNested(Path file, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        Path parent = file.getParent();
        return parent == null ? p : parent.resolve(p).normalize();
    }

    /** Splits like a shell does for the simple cases pip meets: spaces, single and double quotes. */
    private static List<String> splitOptions(String location, String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                in = true;
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    in = false;
                }
            } else {
                cur.append(c);
                in = true;
            }
        }
        if (quote != 0) {
            throw new UsageException(location + ": Unterminated quote\n    " + s);
        }
        if (in) {
            out.add(cur.toString());
        }
        return out;
    }

    /** A path as the user would write it: relative paths stay relative, with forward slashes. */
    static String display(Path file) {
        return file.toString().replace('\\', '/');
    }
}
