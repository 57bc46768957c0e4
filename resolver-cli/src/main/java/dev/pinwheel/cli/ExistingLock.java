package dev.pinwheel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Specifier;
import dev.pinwheel.version.Version;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pins of an existing output file ({@code -o}), kept as preferences so that a new lock moves as few pins
 * as it can (pip-compile's behaviour). Reads requirements.txt ({@code name==version} lines) and pylock.toml.
 */
final class ExistingLock {

    private ExistingLock() {
    }

    /** The pins of {@code file}, or none when it does not exist. */
    static Map<PackageName, Version> read(Path actual, Path file) {
        if (!Files.isRegularFile(actual)) {
            return Map.of();
        }
        String text = RequirementsFileReader.readText(actual, file, Optional.empty());
        Map<PackageName, Version> pins = new LinkedHashMap<>();
        if (file.getFileName().toString().endsWith(".toml")) {
            JsonNode root;
            try {
                root = new TomlMapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new UsageException("Existing lock `" + file + "` is not valid TOML: " + e.getOriginalMessage(), e);
            }
            for (JsonNode p : root.path("packages")) {
                Optional<PackageName> n = PackageName.tryParse(p.path("name").asText(""));
                Optional<Version> v = Version.tryParse(p.path("version").asText(""));
                if (n.isPresent() && v.isPresent()) {
                    pins.put(n.get(), v.get());
                }
            }
            return pins;
        }
        if (text.stripLeading().startsWith("{")) {
            return pins; // a JSON report: not a lock to keep pins from
        }
        Inputs in = new Inputs();
        try {
            new RequirementsFileReader(in, k -> Optional.empty(), Path.of("")).parse(file, text, false);
        } catch (UsageException e) {
            throw new UsageException("Cannot read the existing lock: " + e.getMessage(), e);
        }
        for (InputRequirement r : in.requirements) {
            var specs = r.requirement().specifier().specifiers();
            if (specs.size() == 1) {
                Specifier s = specs.get(0);
                if (s.operator() == Specifier.Operator.EQUAL && !s.isWildcard()) {
                    s.version().ifPresent(v -> pins.put(r.requirement().name(), v));
                }
            }
        }
        return pins;
    }
}
