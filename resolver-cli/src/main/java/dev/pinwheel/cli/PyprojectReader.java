package dev.pinwheel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.text.InvalidInputException;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code pyproject.toml}: {@code [project].dependencies}, the {@code [project.optional-dependencies]} chosen
 * with {@code --extra}/{@code --all-extras}, and PEP 735 {@code [dependency-groups]} (with {@code include-group})
 * chosen with {@code --group}. Requirements are labelled {@code name (pyproject.toml)} as pip-compile labels them,
 * or {@code name (pyproject.toml:group)} for a group.
 */
final class PyprojectReader {

    private PyprojectReader() {
    }

    /**
     * Adds the requirements of {@code file} to {@code inputs}.
     *
     * @param extras    extra names asked for ({@code --extra}); each must exist
     * @param allExtras {@code --all-extras}
     * @param groups    dependency groups asked for ({@code --group}); each must exist
     */
    static void read(Path actual, Path file, Inputs inputs, List<String> extras, boolean allExtras, List<String> groups) {
        String text = RequirementsFileReader.readText(actual, file, Optional.empty());
        String shown = RequirementsFileReader.display(file);
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new UsageException(shown + where + ": Invalid TOML: " + e.getOriginalMessage(), e);
        }
        JsonNode project = root.path("project");
        String projectName = project.path("name").isTextual() ? project.path("name").asText() : "project";
        String label = projectName + " (" + shown + ")";
        if (project.has("dependencies")) {
            for (String s : strings(project.get("dependencies"), shown, "project.dependencies")) {
                inputs.requirements.add(parse(s, label, shown, text));
            }
        }
        JsonNode optional = project.path("optional-dependencies");
        Map<String, JsonNode> byExtra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = optional.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byExtra.put(PackageName.normalize(e.getKey()), e.getValue());
        }
        Set<String> chosen = new TreeSet<>();
        if (allExtras) {
            chosen.addAll(byExtra.keySet());
        }
        for (String extra : extras) {
            String n = PackageName.normalize(extra);
            if (!byExtra.containsKey(n)) {
                throw new UsageException("Extra `" + extra + "` is not defined in `" + shown + "`"
                        + (byExtra.isEmpty() ? " (it has no `[project.optional-dependencies]`)" : ": expected one of " + quoted(byExtra.keySet())));
            }
            chosen.add(n);
        }
        for (String extra : chosen) {
            for (String s : strings(byExtra.get(extra), shown, "project.optional-dependencies." + extra)) {
                inputs.requirements.add(parse(s, label, shown, text));
            }
        }
        JsonNode groupTable = root.path("dependency-groups");
        Map<String, JsonNode> byGroup = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groupTable.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String n = PackageName.normalize(e.getKey());
            if (byGroup.put(n, e.getValue()) != null) {
                throw new UsageException(shown + ": Dependency group `" + e.getKey() + "` is defined twice (names are compared normalized)");
            }
        }
        for (String group : groups) {
            String n = PackageName.normalize(group);
            if (!byGroup.containsKey(n)) {
                throw new UsageException("Dependency group `" + group + "` is not defined in `" + shown + "`"
                        + (byGroup.isEmpty() ? " (it has no `[dependency-groups]`)" : ": expected one of " + quoted(byGroup.keySet())));
            }
            List<String> reqs = new ArrayList<>();
            expandGroup(n, byGroup, new ArrayDeque<>(), reqs, shown);
            String groupLabel = projectName + " (" + shown + ":" + n + ")";
            for (String s : reqs) {
                inputs.requirements.add(parse(s, groupLabel, shown, text));
            }
        }
    }

    private static void expandGroup(String group, Map<String, JsonNode> byGroup, Deque<String> path, List<String> out, String shown) {
        if (path.contains(group)) {
            throw new UsageException(shown + ": Dependency group `" + group + "` includes itself (through "
                    + String.join(" -> ", path) + ")");
        }
        JsonNode items = byGroup.get(group);
        if (items == null) {
            throw new UsageException(shown + ": Dependency group `" + path.peekLast() + "` includes `" + group
                    + "`, which is not defined");
        }
        if (!items.isArray()) {
            throw new UsageException(shown + ": `dependency-groups." + group + "` must be an array");
        }
        path.addLast(group);
        for (JsonNode item : items) {
            if (item.isTextual()) {
                out.add(item.asText());
            } else if (item.isObject() && item.path("include-group").isTextual() && item.size() == 1) {
                expandGroup(PackageName.normalize(item.get("include-group").asText()), byGroup, path, out, shown);
            } else {
                throw new UsageException(shown + ": `dependency-groups." + group
                        + "` items must be requirement strings or `{include-group = \"name\"}` tables, found " + item);
            }
        }
        path.removeLast();
    }

    private static List<String> strings(JsonNode node, String shown, String key) {
        if (!node.isArray()) {
            throw new UsageException(shown + ": `" + key + "` must be an array of requirement strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new UsageException(shown + ": `" + key + "` must be an array of requirement strings, found " + n);
            }
            out.add(n.asText());
        }
        return out;
    }

    private static InputRequirement parse(String s, String label, String shown, String text) {
        int line = lineOf(text, s);
        String location = shown + (line > 0 ? ":" + line : "");
        try {
            return new InputRequirement(Requirement.parse(s), label, location, List.of());
        } catch (InvalidInputException e) {
            throw new UsageException(location + ": " + RequirementsFileReader.caret(e), e);
        }
    }

    /** The 1-based line where the string literal {@code s} first appears, or 0. */
    private static int lineOf(String text, String s) {
        int at = text.indexOf(s);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String quoted(Set<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('`').append(n).append('`');
        }
        return sb.toString();
    }
}
