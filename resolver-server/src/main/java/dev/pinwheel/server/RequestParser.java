package dev.pinwheel.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.InvalidPlatformException;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.tags.Tag;
import dev.pinwheel.text.InvalidInputException;
import dev.pinwheel.version.InvalidVersionException;
import dev.pinwheel.version.PrereleasePolicy;
import dev.pinwheel.version.Version;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body (or a query string turned into the same JSON shape) into a {@link ResolveInput},
 * rejecting anything unexpected with a 400 that names the member by JSON Pointer. Thread-safe.
 *
 * <p>The request members:
 * <pre>{@code
 * {"requirements": ["django>=4.2", "requests[socks]"],        // required, PEP 508, no direct URLs
 *  "constraints": [...], "overrides": [...],                    // optional, PEP 508
 *  "python_version": "3.12", "python_platform": "x86_64-manylinux_2_28",   // the default target
 *  "environment": {...marker variables...}, "tags": ["cp312-cp312-manylinux_2_28_x86_64", ...], // or explicit
 *  "index": "default",                                         // a configured index name, never a URL
 *  "resolution": "highest" | "lowest" | "lowest-direct",
 *  "prerelease": "if-necessary-or-explicit" | "allow" | "disallow" | "explicit" | "if-necessary",
 *  "exclude_newer": "2024-01-01T00:00:00Z",
 *  "format": "requirements-txt" | "pylock"}                   // /v1/lock only
 * }</pre>
 */
final class RequestParser {
    static final String DEFAULT_PYTHON_VERSION = "3.12";
    static final String DEFAULT_PLATFORM = "x86_64-manylinux_2_28";

    private static final Set<String> MEMBERS = Set.of("requirements", "constraints", "overrides", "python_version",
            "python_platform", "environment", "tags", "index", "resolution", "prerelease", "exclude_newer", "format");
    private static final Map<String, PrereleasePolicy> PRERELEASE = Map.of(
            "if-necessary-or-explicit", PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT,
            "allow", PrereleasePolicy.ALLOW,
            "disallow", PrereleasePolicy.DISALLOW,
            "explicit", PrereleasePolicy.EXPLICIT,
            "if-necessary", PrereleasePolicy.IF_NECESSARY);
    private static final Set<String> STRATEGIES = Set.of("highest", "lowest", "lowest-direct");
    private static final Set<String> FORMATS = Set.of("requirements-txt", "pylock");

    private final ObjectMapper mapper;
    private final ObjectMapper canonicalMapper;
    private final Set<String> indexNames;
    private final String defaultIndex;
    private final int maxRequirements;
    private final int maxRequirementLength;

    /** A parsed body: the canonical input and, for {@code /v1/lock}, the format asked for. */
    record Parsed(ResolveInput input, Optional<String> format) {
    }

    RequestParser(Set<String> indexNames, String defaultIndex, ServerConfig config) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(config.maxBodyBytes())
                        .maxNumberLength(32)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.canonicalMapper = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
        this.indexNames = Set.copyOf(indexNames);
        this.defaultIndex = defaultIndex;
        this.maxRequirements = config.maxRequirements();
        this.maxRequirementLength = config.maxRequirementLength();
    }

    /** Parses a JSON body. */
    Parsed parse(byte[] body) throws ProblemException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : String.format(Locale.ROOT, " at line %d, column %d", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
            throw ProblemException.invalid("", "The body is not valid JSON" + where + ": " + jsonProblem(e));
        } catch (IOException e) {
            throw ProblemException.invalid("", "The body could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw ProblemException.invalid("", "The body is empty; expected a JSON object with `requirements`");
        }
        return parse(root);
    }

    /**
     * Parses the query-string form of a request ({@code GET /v1/resolve?requirement=django>=4.2&python_version=3.12}):
     * {@code requirement}, {@code constraint} and {@code override} repeat; the other members appear once.
     */
    Parsed parseQuery(Map<String, List<String>> query) throws ProblemException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String key = e.getKey();
            switch (key) {
                case "requirement":
                case "constraint":
                case "override": {
                    ArrayNode a = root.putArray(key + "s");
                    e.getValue().forEach(a::add);
                    break;
                }
                case "requirements":
                case "constraints":
                case "overrides":
                case "environment":
                case "tags":
                    throw ProblemException.invalid("/" + key, "`" + key + "` is not accepted in a query string; "
                            + (key.endsWith("s") && !key.equals("tags") ? "repeat `" + key.substring(0, key.length() - 1)
                            + "=` instead" : "POST a JSON body instead"));
                default:
                    if (e.getValue().size() != 1) {
                        throw ProblemException.invalid("/" + key, "`" + key + "` appears "
                                + e.getValue().size() + " times; give it once");
                    }
                    root.put(key, e.getValue().get(0));
            }
        }
        return parse(root);
    }

    private Parsed parse(JsonNode root) throws ProblemException {
        if (!root.isObject()) {
            throw ProblemException.invalid("", "Expected a JSON object, found " + describe(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                throw ProblemException.invalid("/" + pointerEscape(name), "Unknown member `" + name + "`; expected one of "
                        + String.join(", ", new TreeSet<>(MEMBERS).stream().map(m -> "`" + m + "`").toList()));
            }
        }

        JsonNode reqNode = root.get("requirements");
        if (reqNode == null || reqNode.isNull()) {
            throw ProblemException.invalid("/requirements", "`requirements` is required: a list of PEP 508 strings");
        }
        List<Requirement> requirements = requirements(reqNode, "requirements");
        if (requirements.isEmpty()) {
            throw ProblemException.invalid("/requirements", "`requirements` is empty; give at least one requirement");
        }
        List<Requirement> constraints = requirements(root.get("constraints"), "constraints");
        List<Requirement> overrides = requirements(root.get("overrides"), "overrides");
        int count = reqNode.size() + sizeOf(root.get("constraints")) + sizeOf(root.get("overrides"));
        if (count > maxRequirements) {
            throw ProblemException.invalid("/requirements", String.format(Locale.ROOT,
                    "Too many requirements: %d requirements, constraints and overrides; the limit is %d",
                    count, maxRequirements));
        }

        String index = optionalText(root, "index").orElse(defaultIndex);
        if (!indexNames.contains(index)) {
            String known = String.join(", ", new TreeSet<>(indexNames).stream().map(n -> "`" + n + "`").toList());
            if (index.contains(":") || index.contains("/")) {
                throw ProblemException.invalid("/index", "`index` names one of the server's configured indexes, "
                        + "never a URL; found `" + shorten(index) + "`, expected one of " + known);
            }
            throw ProblemException.invalid("/index", "Unknown index `" + shorten(index) + "`; expected one of " + known);
        }

        TargetSpec target = target(root);
        String strategy = optionalText(root, "resolution").orElse("highest");
        if (!STRATEGIES.contains(strategy)) {
            throw ProblemException.invalid("/resolution", "Unknown resolution strategy `" + shorten(strategy)
                    + "`; expected `highest`, `lowest` or `lowest-direct`");
        }
        String prereleaseText = optionalText(root, "prerelease").orElse("if-necessary-or-explicit");
        PrereleasePolicy prereleases = PRERELEASE.get(prereleaseText);
        if (prereleases == null) {
            throw ProblemException.invalid("/prerelease", "Unknown pre-release policy `" + shorten(prereleaseText)
                    + "`; expected `if-necessary-or-explicit`, `allow`, `disallow`, `explicit` or `if-necessary`");
        }
        Optional<Instant> excludeNewer = optionalText(root, "exclude_newer").map(t -> {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        });
        if (root.hasNonNull("exclude_newer") && excludeNewer.isEmpty()) {
            throw ProblemException.invalid("/exclude_newer", "`exclude_newer` is not an RFC 3339 timestamp such as "
                    + "`2024-01-31T00:00:00Z`: `" + shorten(root.get("exclude_newer").asText()) + "`");
        }
        Optional<String> format = optionalText(root, "format");
        if (format.isPresent() && !FORMATS.contains(format.get())) {
            throw ProblemException.invalid("/format", "Unknown format `" + shorten(format.get())
                    + "`; expected `requirements-txt` or `pylock`");
        }

        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("v", 1);
        canonical.put("index", index);
        canonical.put("requirements", requirements.stream().map(Requirement::toString).toList());
        canonical.put("constraints", constraints.stream().map(Requirement::toString).toList());
        canonical.put("overrides", overrides.stream().map(Requirement::toString).toList());
        canonical.put("target", target.canonical());
        canonical.put("resolution", strategy);
        canonical.put("prerelease", prereleaseText);
        canonical.put("exclude_newer", excludeNewer.map(Instant::toString).orElse(null));
        String json;
        try {
            json = canonicalMapper.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the canonical request", e);
        }
        ResolveInput input = new ResolveInput(index, requirements, constraints, overrides, target, strategy,
                prereleases, excludeNewer, json, Digests.sha256Hex(json));
        return new Parsed(input, format);
    }

    /** Jackson's message without its internals (class names, feature names, source excerpts). */
    private static String jsonProblem(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        Matcher dup = Pattern.compile("Duplicate field '(.*)'").matcher(m);
        if (dup.find()) {
            return "member `" + shorten(dup.group(1)) + "` appears twice";
        }
        if (m.startsWith("Trailing token")) {
            return "unexpected content after the JSON value";
        }
        if (m.contains("Document nesting depth")) {
            return "nested too deeply";
        }
        int cut = m.indexOf(" (start marker at");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return shorten(m);
    }

    private List<Requirement> requirements(JsonNode node, String member) throws ProblemException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ProblemException.invalid("/" + member, "`" + member + "` must be a list of strings, found "
                    + describe(node));
        }
        if (node.size() > maxRequirements) {
            throw ProblemException.invalid("/" + member, String.format(Locale.ROOT,
                    "Too many requirements: `%s` has %d; the limit is %d", member, node.size(), maxRequirements));
        }
        // Canonical: one requirement per distinct normalised text, sorted.
        TreeMap<String, Requirement> sorted = new TreeMap<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String pointer = "/" + member + "/" + i;
            if (!item.isTextual()) {
                throw ProblemException.invalid(pointer, "Expected a PEP 508 requirement string, found " + describe(item));
            }
            String text = item.asText();
            if (text.length() > maxRequirementLength) {
                throw ProblemException.invalid(pointer, String.format(Locale.ROOT,
                        "Requirement too long: %d characters; the limit is %d", text.length(), maxRequirementLength));
            }
            Requirement r;
            try {
                r = Requirement.parse(text);
            } catch (InvalidInputException e) {
                throw ProblemException.invalid(pointer, e.getMessage());
            }
            if (r.url().isPresent()) {
                throw ProblemException.invalid(pointer, "Direct URL requirements are not accepted: the server "
                        + "resolves only from its configured indexes; found `" + shorten(text) + "`");
            }
            Requirement canonical = canonical(r);
            sorted.put(canonical.toString(), canonical);
        }
        return new ArrayList<>(sorted.values());
    }

    /** The requirement with its name written in normalised form, so spelling does not split the cache. */
    private static Requirement canonical(Requirement r) {
        StringBuilder text = new StringBuilder(r.name().normalized());
        if (!r.extras().isEmpty()) {
            text.append('[').append(String.join(",", r.extras())).append(']');
        }
        text.append(r.specifier());
        r.marker().ifPresent(m -> text.append("; ").append(m));
        return Requirement.parse(text.toString());
    }

    private TargetSpec target(JsonNode root) throws ProblemException {
        boolean explicit = root.hasNonNull("environment") || root.hasNonNull("tags");
        if (explicit) {
            for (String other : List.of("python_version", "python_platform")) {
                if (root.hasNonNull(other)) {
                    throw ProblemException.invalid("/" + other, "Give either `python_version` and `python_platform` "
                            + "or `environment` and `tags`, not both");
                }
            }
            return explicitTarget(root);
        }
        String pythonVersion = optionalText(root, "python_version").orElse(DEFAULT_PYTHON_VERSION);
        String platformName = optionalText(root, "python_platform").orElse(DEFAULT_PLATFORM);
        PythonPlatform platform;
        try {
            platform = PythonPlatform.parse(platformName);
        } catch (InvalidPlatformException e) {
            throw ProblemException.invalid("/python_platform", e.getMessage());
        }
        try {
            return TargetSpec.of(pythonVersion, platform);
        } catch (InvalidVersionException e) {
            throw ProblemException.invalid("/python_version", "Expected a CPython 3 version such as `3.12` or `3.12.4`, "
                    + "found `" + shorten(pythonVersion) + "`");
        }
    }

    private TargetSpec explicitTarget(JsonNode root) throws ProblemException {
        JsonNode env = root.get("environment");
        if (env == null || env.isNull() || !env.isObject()) {
            throw ProblemException.invalid("/environment", "`environment` must be an object of PEP 508 marker "
                    + "variables when `tags` is given, found " + (env == null ? "nothing" : describe(env)));
        }
        SortedMap<String, String> vars = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw ProblemException.invalid("/environment/" + pointerEscape(e.getKey()),
                        "Expected a string, found " + describe(e.getValue()));
            }
            vars.put(e.getKey(), e.getValue().asText());
        }
        String full = vars.get(MarkerEnvironment.PYTHON_FULL_VERSION);
        if (full == null) {
            throw ProblemException.invalid("/environment/python_full_version",
                    "`environment` needs `python_full_version`, e.g. `3.12.4`");
        }
        Version python;
        try {
            python = Version.parse(full);
        } catch (InvalidVersionException e) {
            throw ProblemException.invalid("/environment/python_full_version", e.getMessage());
        }
        JsonNode tagsNode = root.get("tags");
        if (tagsNode == null || tagsNode.isNull() || !tagsNode.isArray() || tagsNode.isEmpty()) {
            throw ProblemException.invalid("/tags", "`tags` must be a non-empty list of wheel tags, most preferred "
                    + "first, when `environment` is given, found " + (tagsNode == null ? "nothing" : describe(tagsNode)));
        }
        if (tagsNode.size() > 10_000) {
            throw ProblemException.invalid("/tags", "Too many tags: " + tagsNode.size() + "; the limit is 10000");
        }
        List<Tag> tags = new ArrayList<>();
        Set<Tag> seen = new java.util.HashSet<>();
        for (int i = 0; i < tagsNode.size(); i++) {
            JsonNode t = tagsNode.get(i);
            if (!t.isTextual()) {
                throw ProblemException.invalid("/tags/" + i, "Expected a tag string such as "
                        + "`cp312-cp312-manylinux_2_28_x86_64`, found " + describe(t));
            }
            try {
                Tag tag = Tag.parse(t.asText());
                if (seen.add(tag)) {
                    tags.add(tag);
                }
            } catch (InvalidInputException e) {
                throw ProblemException.invalid("/tags/" + i, e.getMessage());
            }
        }
        return TargetSpec.explicit(vars, tags, python);
    }

    private static Optional<String> optionalText(JsonNode root, String member) throws ProblemException {
        JsonNode n = root.get(member);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw ProblemException.invalid("/" + member, "`" + member + "` must be a string, found " + describe(n));
        }
        return Optional.of(n.asText());
    }

    private static int sizeOf(JsonNode n) {
        return n == null || !n.isArray() ? 0 : n.size();
    }

    static String describe(JsonNode n) {
        switch (n.getNodeType()) {
            case ARRAY:
                return "a list";
            case OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number (" + n.asText() + ")";
            case BOOLEAN:
                return "a boolean (" + n.asText() + ")";
            case NULL:
                return "null";
            default:
                return n.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }

    private static String pointerEscape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Echoes at most 200 characters of client input in messages. */
    static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
