package dev.pinwheel.cli.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the example universe behind the README's first command: {@code examples/index/}, a static PEP 503
 * simple index ({@code simple/<project>/index.html} with {@code data-requires-python}, {@code data-yanked} and
 * PEP 658/714 {@code data-core-metadata}, and the same as PEP 691 JSON in {@code index.json} with PEP 700
 * {@code size} and {@code upload-time}) over {@code files/}, which holds real wheels (zips with {@code METADATA},
 * {@code WHEEL} and {@code RECORD}), a few sdists ({@code .tar.gz} with a PEP 643 {@code PKG-INFO}) and the
 * {@code .metadata} files. {@code files/} doubles as a {@code --find-links} directory.
 *
 * <p>The universe is small but shaped like PyPI: a few dozen projects with several versions each, extras,
 * environment markers, {@code Requires-Python}, a yanked release, a pre-release, platform wheels and sdists.
 * Output is byte-for-byte deterministic (fixed timestamps, stored zip entries, stored deflate blocks), so a
 * test regenerates it into a temporary directory and checks that the files in the repository are current.
 *
 * <p>Run {@link #main} with the target directory to regenerate (the test prints how).
 */
public final class ExampleUniverse {
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2024, 1, 1, 0, 0, 0);
    private static final String LINUX = "manylinux_2_17_x86_64.manylinux2014_x86_64";
    private static final List<String> PLATFORMS = List.of(LINUX, "macosx_11_0_arm64", "win_amd64");

    /** One release of a project. */
    record Release(String name, String version, Optional<String> requiresPython, List<String> requires,
                   Map<String, List<String>> extras, List<String> wheelTags, boolean sdist, Optional<String> yanked) {
    }

    private final List<Release> releases = new ArrayList<>();

    private ExampleUniverse() {
        define();
    }

    /** Writes the universe into {@code dir} (created if needed; existing files with the same names are replaced). */
    public static void write(Path dir) throws IOException {
        new ExampleUniverse().writeTo(dir);
    }

    /**
     * Regenerates the example index.
     *
     * @param args the target directory, {@code examples/index} by default
     */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "examples/index"));
    }

    // ------------------------------------------------------------------------------------------ the universe

    private Builder r(String name, String version) {
        return new Builder(name, version);
    }

    private void define() {
        // HTTP stack (requests-like): extras, markers, a Requires-Python bump
        r("charset-detect", "2.1.1").requiresPython(">=3.7").add();
        r("charset-detect", "3.3.2").requiresPython(">=3.7").add();
        r("charset-detect", "3.4.0").requiresPython(">=3.8").add();
        r("idna-lite", "3.4").requiresPython(">=3.5").add();
        r("idna-lite", "3.7").requiresPython(">=3.5").add();
        r("idna-lite", "3.10").requiresPython(">=3.6").add();
        r("certstore", "2023.7.22").requiresPython(">=3.6").add();
        r("certstore", "2024.2.2").requiresPython(">=3.6").add();
        r("certstore", "2024.8.30").requiresPython(">=3.6").add();
        r("urlkit", "1.26.18").requiresPython(">=2.7").add();
        r("urlkit", "2.0.7").requiresPython(">=3.7").extra("socks", "socksproxy<2.0,>=1.5.6").add();
        r("urlkit", "2.2.3").requiresPython(">=3.8").extra("socks", "socksproxy<2.0,>=1.5.6").add();
        r("socksproxy", "1.7.0").add();
        r("socksproxy", "1.7.1").add();
        for (String v : List.of("2.28.2", "2.31.0", "2.32.3")) {
            r("httpclient", v).requiresPython(v.equals("2.28.2") ? ">=3.7" : ">=3.8")
                    .dep(v.equals("2.28.2") ? "charset-detect<3,>=2" : "charset-detect<4,>=2")
                    .dep("idna-lite<4,>=2.5")
                    .dep(v.equals("2.28.2") ? "urlkit<1.27,>=1.21.1" : "urlkit<3,>=1.21.1")
                    .dep("certstore>=2017.4.17")
                    .extra("socks", "socksproxy!=1.5.7,>=1.5.6")
                    .extra("security", "cryptokit>=41")
                    .sdist(v.equals("2.32.3")).add();
        }
        // Cryptography with native wheels; the newest release is yanked
        r("pycparse", "2.21").add();
        r("pycparse", "2.22").requiresPython(">=3.8").add();
        r("cffi-lite", "1.15.1").dep("pycparse").platforms("cp311", "cp312").sdist(true).add();
        r("cffi-lite", "1.16.0").requiresPython(">=3.8").dep("pycparse").platforms("cp311", "cp312", "cp313").add();
        r("cryptokit", "41.0.7").requiresPython(">=3.7").dep("cffi-lite>=1.12; platform_python_implementation != \"PyPy\"")
                .platforms("abi3").add();
        r("cryptokit", "42.0.8").requiresPython(">=3.7").dep("cffi-lite>=1.12; platform_python_implementation != \"PyPy\"")
                .platforms("abi3").add();
        r("cryptokit", "43.0.0").requiresPython(">=3.7").dep("cffi-lite>=1.12; platform_python_implementation != \"PyPy\"")
                .platforms("abi3").yanked("Broken key derivation on some platforms; use 42.0.8").add();
        // A web framework (flask-like)
        r("markup-safe", "2.1.5").requiresPython(">=3.7").platforms("cp311", "cp312").sdist(true).add();
        r("markup-safe", "3.0.2").requiresPython(">=3.9").platforms("cp311", "cp312", "cp313").add();
        r("templating", "3.1.3").requiresPython(">=3.7").dep("markup-safe>=2.0").extra("i18n", "babel-lite>=2.7").add();
        r("templating", "3.1.4").requiresPython(">=3.7").dep("markup-safe>=2.0").extra("i18n", "babel-lite>=2.7").add();
        r("babel-lite", "2.14.0").requiresPython(">=3.7").add();
        r("babel-lite", "2.16.0").requiresPython(">=3.8").add();
        r("colorterm", "0.4.5").add();
        r("colorterm", "0.4.6").requiresPython("!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,!=3.4.*,!=3.5.*,!=3.6.*,>=2.7").add();
        r("clickish", "8.0.4").requiresPython(">=3.6").dep("colorterm; platform_system == \"Windows\"").add();
        r("clickish", "8.1.7").requiresPython(">=3.7").dep("colorterm; platform_system == \"Windows\"").add();
        r("signing", "2.1.2").requiresPython(">=3.7").add();
        r("signing", "2.2.0").requiresPython(">=3.8").add();
        r("blinker-lite", "1.6.3").requiresPython(">=3.7").add();
        r("blinker-lite", "1.8.2").requiresPython(">=3.8").add();
        r("werk", "2.3.8").requiresPython(">=3.8").dep("markup-safe>=2.1.1").add();
        r("werk", "3.0.6").requiresPython(">=3.8").dep("markup-safe>=2.1.1").add();
        r("werk", "3.1.3").requiresPython(">=3.9").dep("markup-safe>=2.1.1").add();
        r("webframe", "2.3.3").requiresPython(">=3.8").dep("werk>=2.3.7").dep("templating>=3.1.2").dep("signing>=2.1.2")
                .dep("clickish>=8.1.3").dep("blinker-lite>=1.6.2").extra("async", "asgiref-lite>=3.2").add();
        r("webframe", "3.0.3").requiresPython(">=3.8").dep("werk>=3.0.0").dep("templating>=3.1.2").dep("signing>=2.1.2")
                .dep("clickish>=8.1.3").dep("blinker-lite>=1.6.2").extra("async", "asgiref-lite>=3.2").add();
        r("webframe", "3.1.0").requiresPython(">=3.9").dep("werk>=3.1").dep("templating>=3.1.2").dep("signing>=2.2")
                .dep("clickish>=8.1.3").dep("blinker-lite>=1.9").extra("async", "asgiref-lite>=3.2").add();
        r("asgiref-lite", "3.7.2").requiresPython(">=3.7").dep("typing-ext>=4; python_version < \"3.11\"").add();
        r("asgiref-lite", "3.8.1").requiresPython(">=3.8").dep("typing-ext>=4; python_version < \"3.11\"").add();
        r("typing-ext", "4.7.1").requiresPython(">=3.7").add();
        r("typing-ext", "4.9.0").requiresPython(">=3.8").add();
        r("typing-ext", "4.12.2").requiresPython(">=3.8").add();
        // Numerics: platform wheels per Python, a pre-release, Requires-Python
        r("numeric", "1.26.4").requiresPython(">=3.9").platforms("cp311", "cp312").sdist(true).add();
        r("numeric", "2.0.2").requiresPython(">=3.9").platforms("cp311", "cp312").add();
        r("numeric", "2.1.3").requiresPython(">=3.10").platforms("cp311", "cp312", "cp313").add();
        r("numeric", "2.2.0rc1").requiresPython(">=3.10").platforms("cp311", "cp312", "cp313").add();
        r("six-compat", "1.15.0").requiresPython(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*").universal("py2.py3-none-any").sdist(true).add();
        r("six-compat", "1.16.0").requiresPython(">=2.7, !=3.0.*, !=3.1.*, !=3.2.*").universal("py2.py3-none-any").sdist(true).add();
        r("dateparse", "2.8.2").dep("six-compat>=1.5").universal("py2.py3-none-any").add();
        r("dateparse", "2.9.0.post0").dep("six-compat>=1.5").universal("py2.py3-none-any").add();
        r("tzdata-lite", "2023.4").add();
        r("tzdata-lite", "2024.2").add();
        r("pytz-lite", "2023.3.post1").add();
        r("pytz-lite", "2024.2").add();
        r("dataframes", "2.1.4").requiresPython(">=3.9").dep("numeric<2,>=1.22.4").dep("dateparse>=2.8.2").dep("pytz-lite>=2020.1")
                .dep("tzdata-lite>=2022.1").platforms("cp311", "cp312").add();
        r("dataframes", "2.2.3").requiresPython(">=3.9").dep("numeric>=1.26.0; python_version >= \"3.12\"")
                .dep("numeric>=1.23.2; python_version == \"3.11\"").dep("dateparse>=2.8.2").dep("pytz-lite>=2020.1")
                .dep("tzdata-lite>=2022.7").extra("excel", "sheetio>=3.1").platforms("cp311", "cp312", "cp313").add();
        r("sheetio", "3.0.10").requiresPython(">=3.6").dep("et-xml").add();
        r("sheetio", "3.1.2").requiresPython(">=3.8").dep("et-xml").add();
        r("et-xml", "1.0.1").requiresPython(">=3.6").add();
        r("et-xml", "1.1.0").add();
        // Plotting: extras and a chain of native dependencies
        r("pillow-lite", "10.3.0").requiresPython(">=3.8").platforms("cp311", "cp312").add();
        r("pillow-lite", "10.4.0").requiresPython(">=3.8").platforms("cp311", "cp312", "cp313").add();
        r("kiwi-solver", "1.4.5").requiresPython(">=3.7").platforms("cp311", "cp312").add();
        r("kiwi-solver", "1.4.7").requiresPython(">=3.8").platforms("cp311", "cp312", "cp313").add();
        r("cycle-style", "0.11.0").requiresPython(">=3.6").add();
        r("cycle-style", "0.12.1").requiresPython(">=3.8").add();
        r("pyparse-lite", "3.0.9").requiresPython(">=3.6.8").add();
        r("pyparse-lite", "3.1.2").requiresPython(">=3.6.8").extra("diagrams", "templating").add();
        r("plotkit", "3.8.4").requiresPython(">=3.9").dep("numeric>=1.21").dep("pillow-lite>=8").dep("kiwi-solver>=1.3.1")
                .dep("cycle-style>=0.10").dep("pyparse-lite>=2.3.1").dep("dateparse>=2.7").dep("packaging-lite>=20.0")
                .platforms("cp311", "cp312").add();
        r("plotkit", "3.9.2").requiresPython(">=3.9").dep("numeric>=1.23").dep("pillow-lite>=8").dep("kiwi-solver>=1.3.1")
                .dep("cycle-style>=0.10").dep("pyparse-lite>=2.3.1").dep("dateparse>=2.7").dep("packaging-lite>=20.0")
                .extra("dev", "testrunner>=7").platforms("cp311", "cp312", "cp313").add();
        // A test runner with markers on Python and the platform
        r("packaging-lite", "23.2").requiresPython(">=3.7").add();
        r("packaging-lite", "24.1").requiresPython(">=3.8").add();
        r("iniconfig-lite", "1.1.1").add();
        r("iniconfig-lite", "2.0.0").requiresPython(">=3.7").add();
        r("pluggy-lite", "1.4.0").requiresPython(">=3.8").add();
        r("pluggy-lite", "1.5.0").requiresPython(">=3.8").add();
        r("exceptiongroup-lite", "1.1.3").requiresPython(">=3.7").add();
        r("exceptiongroup-lite", "1.2.2").requiresPython(">=3.7").add();
        r("tomli-lite", "1.2.3").requiresPython(">=3.6").add();
        r("tomli-lite", "2.0.1").requiresPython(">=3.7").add();
        for (String v : List.of("7.4.4", "8.2.2", "8.3.3")) {
            r("testrunner", v).requiresPython(v.startsWith("7") ? ">=3.7" : ">=3.8").dep("iniconfig-lite").dep("packaging-lite")
                    .dep(v.startsWith("7") ? "pluggy-lite<2.0,>=0.12" : "pluggy-lite<2,>=1.5")
                    .dep("exceptiongroup-lite>=1.0.0rc8; python_version < \"3.11\"")
                    .dep("tomli-lite>=1; python_version < \"3.11\"")
                    .dep("colorterm; sys_platform == \"win32\"")
                    .extra("dev", "pygments-lite>=2.7.2").add();
        }
        r("pygments-lite", "2.17.2").requiresPython(">=3.7").add();
        r("pygments-lite", "2.18.0").requiresPython(">=3.8").add();
        // A project whose newest release needs a newer Python than the default target
        r("legacy-utils", "0.9.1").requiresPython(">=3.6").add();
        r("legacy-utils", "1.0.0").requiresPython(">=3.13").add();
        // An sdist-only project (PEP 643 metadata in PKG-INFO)
        r("sdist-only", "0.2.0").requiresPython(">=3.7").noWheels().sdist(true).add();
        r("sdist-only", "0.3.0").requiresPython(">=3.8").noWheels().sdist(true).add();
    }

    private final class Builder {
        private final String name;
        private final String version;
        private Optional<String> requiresPython = Optional.empty();
        private final List<String> requires = new ArrayList<>();
        private final Map<String, List<String>> extras = new LinkedHashMap<>();
        private final List<String> wheelTags = new ArrayList<>(List.of("py3-none-any"));
        private boolean sdist;
        private Optional<String> yanked = Optional.empty();

        Builder(String name, String version) {
            this.name = name;
            this.version = version;
        }

        Builder requiresPython(String s) {
            requiresPython = Optional.of(s);
            return this;
        }

        Builder dep(String s) {
            requires.add(s);
            return this;
        }

        Builder extra(String extra, String req) {
            extras.computeIfAbsent(extra, k -> new ArrayList<>()).add(req);
            return this;
        }

        /** Native wheels for each CPython ({@code cp312}) or the stable ABI ({@code abi3}) on the three platforms. */
        Builder platforms(String... pythons) {
            wheelTags.clear();
            for (String py : pythons) {
                for (String plat : PLATFORMS) {
                    wheelTags.add(py.equals("abi3") ? "cp37-abi3-" + plat : py + "-" + py + "-" + plat);
                }
            }
            return this;
        }

        Builder universal(String tag) {
            wheelTags.clear();
            wheelTags.add(tag);
            return this;
        }

        Builder noWheels() {
            wheelTags.clear();
            return this;
        }

        Builder sdist(boolean value) {
            sdist = value;
            return this;
        }

        Builder yanked(String reason) {
            yanked = Optional.of(reason);
            return this;
        }

        void add() {
            releases.add(new Release(name, version, requiresPython, List.copyOf(requires), extras, List.copyOf(wheelTags), sdist, yanked));
        }
    }

    // ------------------------------------------------------------------------------------------ writing

    private void writeTo(Path dir) throws IOException {
        Path files = dir.resolve("files");
        Path simple = dir.resolve("simple");
        Files.createDirectories(files);
        Files.createDirectories(simple);
        Map<String, List<String>> links = new TreeMap<>();
        Map<String, List<String>> jsonFiles = new TreeMap<>();
        Map<String, List<String>> versions = new TreeMap<>();
        Instant uploaded = Instant.parse("2023-01-02T09:30:00Z");
        for (Release rel : releases) {
            uploaded = uploaded.plus(Duration.ofHours(61));
            versions.computeIfAbsent(rel.name(), k -> new ArrayList<>()).add(rel.version());
            byte[] metadata = metadata(rel).getBytes(StandardCharsets.UTF_8);
            String metaHash = sha256Hex(metadata);
            String attrs = rel.requiresPython().map(rp -> " data-requires-python=\"" + html(rp) + "\"").orElse("")
                    + rel.yanked().map(y -> " data-yanked=\"" + html(y) + "\"").orElse("");
            for (String tag : rel.wheelTags()) {
                String filename = wheelStem(rel) + "-" + tag + ".whl";
                byte[] wheel = wheel(rel, tag, metadata);
                Files.write(files.resolve(filename), wheel);
                Files.write(files.resolve(filename + ".metadata"), metadata);
                links.computeIfAbsent(rel.name(), k -> new ArrayList<>()).add("<a href=\"../../files/" + filename + "#sha256="
                        + sha256Hex(wheel) + "\"" + attrs + " data-dist-info-metadata=\"sha256=" + metaHash
                        + "\" data-core-metadata=\"sha256=" + metaHash + "\">" + filename + "</a><br>");
                jsonFiles.computeIfAbsent(rel.name(), k -> new ArrayList<>()).add(jsonFile(rel, filename, wheel, Optional.of(metaHash), uploaded));
            }
            if (rel.sdist()) {
                String filename = rel.name().replace('-', '_') + "-" + rel.version() + ".tar.gz";
                byte[] sdist = sdist(rel, metadata);
                Files.write(files.resolve(filename), sdist);
                links.computeIfAbsent(rel.name(), k -> new ArrayList<>()).add("<a href=\"../../files/" + filename + "#sha256="
                        + sha256Hex(sdist) + "\"" + attrs + ">" + filename + "</a><br>");
                jsonFiles.computeIfAbsent(rel.name(), k -> new ArrayList<>()).add(jsonFile(rel, filename, sdist, Optional.empty(), uploaded));
            }
        }
        StringBuilder root = new StringBuilder(head("Simple index"));
        for (Map.Entry<String, List<String>> e : links.entrySet()) {
            root.append("    <a href=\"").append(e.getKey()).append("/\">").append(e.getKey()).append("</a><br>\n");
            StringBuilder page = new StringBuilder(head("Links for " + e.getKey()));
            page.append("    <h1>Links for ").append(e.getKey()).append("</h1>\n");
            for (String a : e.getValue()) {
                page.append("    ").append(a).append('\n');
            }
            page.append("  </body>\n</html>\n");
            Files.createDirectories(simple.resolve(e.getKey()));
            Files.writeString(simple.resolve(e.getKey()).resolve("index.html"), page, StandardCharsets.UTF_8);
            StringBuilder json = new StringBuilder("{\n  \"meta\": {\"api-version\": \"1.1\"},\n  \"name\": \"").append(e.getKey())
                    .append("\",\n  \"versions\": [");
            List<String> vs = versions.get(e.getKey());
            for (int i = 0; i < vs.size(); i++) {
                json.append(i == 0 ? "\"" : ", \"").append(vs.get(i)).append('"');
            }
            json.append("],\n  \"files\": [\n    ").append(String.join(",\n    ", jsonFiles.get(e.getKey()))).append("\n  ]\n}\n");
            Files.writeString(simple.resolve(e.getKey()).resolve("index.json"), json, StandardCharsets.UTF_8);
        }
        root.append("  </body>\n</html>\n");
        Files.writeString(simple.resolve("index.html"), root, StandardCharsets.UTF_8);
    }

    private static String jsonFile(Release rel, String filename, byte[] bytes, Optional<String> metaHash, Instant uploaded) {
        StringBuilder f = new StringBuilder("{\"filename\": \"").append(filename).append("\", \"url\": \"../../files/").append(filename)
                .append("\", \"hashes\": {\"sha256\": \"").append(sha256Hex(bytes)).append("\"}");
        rel.requiresPython().ifPresent(rp -> f.append(", \"requires-python\": \"").append(rp).append('"'));
        f.append(", \"yanked\": ").append(rel.yanked().map(y -> "\"" + y + "\"").orElse("false"));
        metaHash.ifPresent(h -> f.append(", \"core-metadata\": {\"sha256\": \"").append(h).append("\"}, \"dist-info-metadata\": {\"sha256\": \"")
                .append(h).append("\"}"));
        f.append(", \"size\": ").append(bytes.length).append(", \"upload-time\": \"").append(uploaded).append("\"}");
        return f.toString();
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"1.1\">\n    <title>"
                + title + "</title>\n  </head>\n  <body>\n";
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String wheelStem(Release rel) {
        return rel.name().replace('-', '_') + "-" + rel.version();
    }

    private static String metadata(Release rel) {
        StringBuilder m = new StringBuilder();
        m.append("Metadata-Version: 2.4\n");
        m.append("Name: ").append(rel.name()).append('\n');
        m.append("Version: ").append(rel.version()).append('\n');
        m.append("Summary: Example project ").append(rel.name()).append(" for the pinwheel demo index\n");
        m.append("License-Expression: MIT\n");
        rel.requiresPython().ifPresent(rp -> m.append("Requires-Python: ").append(rp).append('\n'));
        for (String d : rel.requires()) {
            m.append("Requires-Dist: ").append(d).append('\n');
        }
        for (Map.Entry<String, List<String>> e : rel.extras().entrySet()) {
            m.append("Provides-Extra: ").append(e.getKey()).append('\n');
            for (String d : e.getValue()) {
                String marker = "extra == \"" + e.getKey() + "\"";
                m.append("Requires-Dist: ").append(d.contains(";") ? d.replaceFirst(";\\s*(.*)$", "; ($1) and " + marker) : d + "; " + marker)
                        .append('\n');
            }
        }
        return m.toString();
    }

    private static byte[] wheel(Release rel, String tag, byte[] metadata) throws IOException {
        String module = rel.name().replace('-', '_');
        String distInfo = wheelStem(rel) + ".dist-info";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(module + "/__init__.py", ("\"\"\"" + rel.name() + " " + rel.version() + " (example).\"\"\"\n__version__ = \""
                + rel.version() + "\"\n").getBytes(StandardCharsets.UTF_8));
        entries.put(distInfo + "/METADATA", metadata);
        StringBuilder w = new StringBuilder("Wheel-Version: 1.0\nGenerator: pinwheel-examples (1.0)\nRoot-Is-Purelib: ")
                .append(tag.endsWith("-none-any") ? "true" : "false").append('\n');
        String[] parts = tag.split("-");
        for (String py : parts[0].split("\\.")) {
            for (String abi : parts[1].split("\\.")) {
                for (String plat : parts[2].split("\\.")) {
                    w.append("Tag: ").append(py).append('-').append(abi).append('-').append(plat).append('\n');
                }
            }
        }
        entries.put(distInfo + "/WHEEL", w.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            record.append(e.getKey()).append(",sha256=")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(e.getValue())))
                    .append(',').append(e.getValue().length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        entries.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setMethod(ZipEntry.STORED);
                ze.setTimeLocal(ZIP_TIME);
                ze.setSize(e.getValue().length);
                ze.setCompressedSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                ze.setCrc(crc.getValue());
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] sdist(Release rel, byte[] metadata) {
        String root = rel.name().replace('-', '_') + "-" + rel.version() + "/";
        String module = rel.name().replace('-', '_');
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(root + "PKG-INFO", metadata);
        StringBuilder py = new StringBuilder("[build-system]\nrequires = [\"flit_core>=3.9\"]\nbuild-backend = \"flit_core.buildapi\"\n\n[project]\n")
                .append("name = \"").append(rel.name()).append("\"\nversion = \"").append(rel.version()).append("\"\n");
        rel.requiresPython().ifPresent(rp -> py.append("requires-python = \"").append(rp).append("\"\n"));
        py.append("dependencies = [");
        for (int i = 0; i < rel.requires().size(); i++) {
            py.append(i == 0 ? "" : ", ").append('"').append(rel.requires().get(i).replace("\"", "\\\"")).append('"');
        }
        py.append("]\n");
        entries.put(root + "pyproject.toml", py.toString().getBytes(StandardCharsets.UTF_8));
        entries.put(root + module + "/__init__.py", ("__version__ = \"" + rel.version() + "\"\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            tar.writeBytes(tarHeader(e.getKey(), e.getValue().length));
            tar.writeBytes(e.getValue());
            tar.writeBytes(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        tar.writeBytes(new byte[1024]);
        return gzipStored(tar.toByteArray());
    }

    private static byte[] tarHeader(String name, int size) {
        byte[] h = new byte[512];
        put(h, 0, name, 100);
        put(h, 100, "0000644", 8);
        put(h, 108, "0000000", 8);
        put(h, 116, "0000000", 8);
        put(h, 124, String.format(Locale.ROOT, "%011o", size), 12);
        put(h, 136, String.format(Locale.ROOT, "%011o", 1704067200L), 12); // 2024-01-01T00:00:00Z
        h[156] = '0';
        put(h, 257, "ustar", 6);
        put(h, 263, "00", 2);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format(Locale.ROOT, "%06o", sum), 7);
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int at, String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, Math.min(b.length, max));
    }

    /** A gzip member whose deflate stream holds stored blocks only: the same bytes with any zlib. */
    private static byte[] gzipStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
        int off = 0;
        do {
            int len = Math.min(65535, data.length - off);
            boolean last = off + len >= data.length;
            out.write(last ? 1 : 0);
            out.write(len & 0xff);
            out.write(len >>> 8);
            out.write(~len & 0xff);
            out.write((~len >>> 8) & 0xff);
            out.write(data, off, len);
            off += len;
        } while (off < data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            out.write((int) (c >>> (8 * i)) & 0xff);
        }
        for (int i = 0; i < 4; i++) {
            out.write((data.length >>> (8 * i)) & 0xff);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static String sha256Hex(byte[] b) {
        return HexFormat.of().formatHex(sha256(b));
    }
}
