package dev.pinwheel.bench;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.internal.FileLinks;
import dev.pinwheel.index.internal.PageFormatException;
import dev.pinwheel.index.internal.ParsedPage;
import dev.pinwheel.index.internal.Response;
import dev.pinwheel.index.internal.SimplePages;
import dev.pinwheel.name.PackageName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a large simple-repository project page, as PEP 503 HTML and as PEP 691 JSON: parsing alone, and
 * parsing plus turning every entry into a {@link DistributionFile} (file-name parsing, link policy).
 *
 * <p>The page is synthetic, generated in {@link #build()} with a fixed seed, shaped like a big binary project
 * on PyPI (numpy, say): {@code files} files over many versions, each version with an sdist and wheels for 5
 * CPython versions times 8 platforms, a SHA-256 per file, {@code requires-python}, PEP 658 metadata hashes on
 * wheels, PEP 700 size and upload time in JSON, and a few yanked files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimplePageBenchmark {
    private static final URI PAGE = URI.create("https://pypi.example.org/simple/numpy/");
    private static final PackageName PROJECT = PackageName.parse("numpy");
    private static final String[] PYTHONS = {"cp39", "cp310", "cp311", "cp312", "cp313"};
    private static final String[] PLATFORMS = {"manylinux_2_17_x86_64.manylinux2014_x86_64", "manylinux_2_17_aarch64.manylinux2014_aarch64",
            "musllinux_1_2_x86_64", "musllinux_1_2_aarch64", "macosx_11_0_arm64", "macosx_10_9_x86_64", "win_amd64", "win32"};

    /** How many files the page lists. */
    @Param({"5000"})
    public int files;

    private Response html;
    private Response json;

    /** Generates both pages. */
    @Setup
    public void build() {
        Random random = new Random(20240501);
        HexFormat hex = HexFormat.of();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.1\"><title>Links for numpy</title></head><body><h1>Links for numpy</h1>\n");
        List<String> j = new ArrayList<>();
        int n = 0;
        for (int major = 1; n < files; major++) {
            for (int minor = 0; minor < 30 && n < files; minor++) {
                String version = major + "." + minor + ".0";
                List<String> names = new ArrayList<>();
                names.add("numpy-" + version + ".tar.gz");
                for (String py : PYTHONS) {
                    for (String plat : PLATFORMS) {
                        names.add("numpy-" + version + "-" + py + "-" + py + "-" + plat + ".whl");
                    }
                }
                for (String name : names) {
                    if (n++ >= files) {
                        break;
                    }
                    byte[] digest = new byte[32];
                    random.nextBytes(digest);
                    String sha = hex.formatHex(digest);
                    random.nextBytes(digest);
                    String metaSha = hex.formatHex(digest);
                    boolean wheel = name.endsWith(".whl");
                    boolean yanked = random.nextInt(200) == 0;
                    String url = "https://files.example.org/packages/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha.substring(4) + "/" + name;
                    h.append("<a href=\"").append(url).append("#sha256=").append(sha).append("\" data-requires-python=\"&gt;=3.9\"");
                    if (wheel) {
                        h.append(" data-dist-info-metadata=\"sha256=").append(metaSha).append("\" data-core-metadata=\"sha256=").append(metaSha).append('"');
                    }
                    if (yanked) {
                        h.append(" data-yanked=\"broken build\"");
                    }
                    h.append('>').append(name).append("</a><br />\n");
                    j.add(String.format(Locale.ROOT, "{\"filename\": \"%s\", \"url\": \"%s\", \"hashes\": {\"sha256\": \"%s\"}, \"requires-python\": \">=3.9\", "
                                    + "\"core-metadata\": %s, \"data-dist-info-metadata\": %s, \"size\": %d, \"upload-time\": \"2024-05-01T10:%02d:%02d.123456Z\", \"yanked\": %s}",
                            name, url, sha, wheel ? "{\"sha256\": \"" + metaSha + "\"}" : "false", wheel ? "{\"sha256\": \"" + metaSha + "\"}" : "false",
                            1_000_000 + random.nextInt(20_000_000), random.nextInt(60), random.nextInt(60), yanked ? "\"broken build\"" : "false"));
                }
            }
        }
        h.append("</body></html>\n");
        String jsonText = "{\"meta\": {\"api-version\": \"1.1\", \"_last-serial\": 1}, \"name\": \"numpy\", \"versions\": [], \"files\": [" + String.join(",\n", j) + "]}";
        html = new Response(PAGE, 200, Map.of("content-type", "text/html"), h.toString().getBytes(StandardCharsets.UTF_8), false);
        json = new Response(PAGE, 200, Map.of("content-type", SimplePages.JSON_V1), jsonText.getBytes(StandardCharsets.UTF_8), false);
    }

    /** HTML bytes to page entries. */
    @Benchmark
    public ParsedPage parseHtml() throws PageFormatException {
        return SimplePages.parse(html);
    }

    /** JSON bytes to page entries. */
    @Benchmark
    public ParsedPage parseJson() throws PageFormatException {
        return SimplePages.parse(json);
    }

    /** HTML bytes to {@link DistributionFile}s, file names parsed. */
    @Benchmark
    public List<DistributionFile> htmlToFiles() throws PageFormatException, IndexException {
        return FileLinks.toFiles(SimplePages.parse(html), PROJECT, "bench", Optional.empty(), new ArrayList<>(), new ArrayList<>());
    }

    /** JSON bytes to {@link DistributionFile}s, file names parsed. */
    @Benchmark
    public List<DistributionFile> jsonToFiles() throws PageFormatException, IndexException {
        return FileLinks.toFiles(SimplePages.parse(json), PROJECT, "bench", Optional.empty(), new ArrayList<>(), new ArrayList<>());
    }
}
