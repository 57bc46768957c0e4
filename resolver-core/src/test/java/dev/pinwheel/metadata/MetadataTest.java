package dev.pinwheel.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.InvalidRequirementException;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.version.SpecifierSet;
import dev.pinwheel.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Validation of real-shaped METADATA files (as setuptools, hatchling, poetry-core, flit-core and old bdist_wheel write them). */
class MetadataTest {
    static byte[] resource(String name) {
        try (InputStream in = MetadataTest.class.getResourceAsStream("/metadata/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void setuptools_strictRejectsLicenseFileUnder21() {
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                () -> Metadata.parse(resource("setuptools-requests.METADATA"), "requests-2.31.0.dist-info/METADATA"));
        assertEquals("requests-2.31.0.dist-info/METADATA", e.source());
        assertEquals(List.of(new MetadataProblem("license-file", OptionalInt.of(27),
                "`License-File` was introduced in metadata version 2.4, but the metadata declares"
                        + " `Metadata-Version: 2.1`", Optional.empty())), e.problems());
        assertEquals("Invalid core metadata in `requests-2.31.0.dist-info/METADATA` (1 problem):\n"
                + "  requests-2.31.0.dist-info/METADATA:27: `License-File` was introduced in metadata version 2.4,"
                + " but the metadata declares `Metadata-Version: 2.1`", e.getMessage());
    }

    @Test
    void setuptools_resolutionAcceptsWithWarning() {
        Metadata m = Metadata.parse(resource("setuptools-requests.METADATA"), "requests", ValidationMode.RESOLUTION);
        assertEquals(PackageName.parse("requests"), m.name());
        assertEquals(Version.parse("2.31.0"), m.version());
        assertEquals(MetadataVersion.V2_1, m.metadataVersion());
        assertEquals(Optional.of(SpecifierSet.parse(">=3.7")), m.requiresPython());
        assertEquals(List.of("charset-normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17",
                "PySocks!=1.5.7,>=1.5.6; extra == \"socks\"", "chardet<6,>=3.0.2; extra == \"use_chardet_on_py3\""),
                m.raw().requiresDist());
        assertEquals(6, m.requiresDist().size());
        assertEquals(Requirement.parse("idna<4,>=2.5"), m.requiresDist().get(1));
        assertEquals(List.of("security", "socks", "use-chardet-on-py3"), m.providesExtra());
        assertEquals(List.of("LICENSE"), m.licenseFiles());
        assertEquals(1, m.warnings().size());
        assertEquals("license-file", m.warnings().get(0).field());
        assertTrue(m.description().orElseThrow().startsWith("# Requests\n\n**Requests** is a simple"));
        assertEquals(Map.of("Documentation", "https://requests.readthedocs.io",
                "Source", "https://github.com/psf/requests"), m.projectUrls());
        assertEquals(14, m.classifiers().size());
    }

    @Test
    void hatchling_strictValid() {
        Metadata m = Metadata.parse(resource("hatchling-demo.METADATA"), "hatch_demo-1.4.0rc1.dist-info/METADATA");
        assertEquals(MetadataVersion.V2_4, m.metadataVersion());
        assertEquals("hatch-demo", m.name().original());
        assertEquals(Version.parse("1.4.0rc1"), m.version());
        assertEquals("MIT OR Apache-2.0", m.licenseExpression().orElseThrow().toString());
        assertEquals(List.of("LICENSE.txt", "licenses/APACHE-2.0.txt"), m.licenseFiles());
        assertEquals(List.of("demo", "packaging", "wheels"), m.keywords());
        assertEquals(List.of("dev", "docs"), m.providesExtra());
        assertEquals(5, m.requiresDist().size());
        assertEquals(Optional.of("text/markdown"), m.descriptionContentType());
        assertEquals(List.of(), m.warnings());
    }

    @Test
    void poetry_strictValid() {
        Metadata m = Metadata.parse(resource("poetry-demo.METADATA"), "poetry_demo-0.12.3.dist-info/METADATA");
        assertEquals(Optional.of("Sébastien Eustace"), m.author());
        assertEquals(Optional.of(SpecifierSet.parse(">=3.8,<4.0")), m.requiresPython());
        assertEquals(List.of(Requirement.parse("click (>=8.1.7,<9.0.0)"),
                Requirement.parse("importlib-metadata (>=4.4) ; python_version < \"3.10\""),
                Requirement.parse("rich (>=13.0,<14.0) ; extra == \"rich\"")), m.requiresDist());
        assertEquals(List.of("rich"), m.providesExtra());
        assertEquals(Optional.of("text/x-rst"), m.descriptionContentType());
    }

    @Test
    void flit_strictValid() {
        Metadata m = Metadata.parse(resource("flit-demo.METADATA"), "flit_demo-3.9.0.post1.dist-info/METADATA");
        assertEquals("flit_demo", m.name().original());
        assertEquals("flit-demo", m.name().normalized());
        assertEquals(6, m.requiresDist().size());
        assertEquals(List.of("doc", "test"), m.providesExtra());
        assertEquals(Optional.of("text/x-rst; charset=UTF-8"), m.descriptionContentType());
    }

    @Test
    void oldBdistWheel_metadata20_strictRejects_resolutionReadsAs12() {
        byte[] six = resource("bdist-wheel-2.0-six.METADATA");
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                () -> Metadata.parse(six, "six-1.10.0.dist-info/METADATA"));
        assertEquals(List.of("metadata-version"), e.problems().stream().map(MetadataProblem::field).toList());
        assertEquals("`2.0` is not a valid `Metadata-Version`; expected one of 1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4,"
                + " 2.5, 2.6", e.problems().get(0).message());
        Metadata m = Metadata.parse(six, "six", ValidationMode.RESOLUTION);
        assertEquals(MetadataVersion.V1_2, m.metadataVersion());
        assertEquals(Optional.of("2.0"), m.raw().metadataVersion());
        assertEquals(1, m.warnings().size());
    }

    @Test
    void broken_reportsEveryProblemWithFileAndLine() {
        byte[] data = resource("broken-requires-dist.METADATA");
        InvalidRequirementException cause = assertThrows(InvalidRequirementException.class,
                () -> Requirement.parse("urllib3 >="));
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                () -> Metadata.parse(data, "broken_demo-1.0.dist-info/METADATA"));
        assertEquals(List.of(
                new MetadataProblem("x-custom", OptionalInt.of(9), "Unrecognized field `x-custom`", Optional.empty()),
                new MetadataProblem("dynamic", OptionalInt.of(8), "`Version` cannot be dynamic (PEP 643)",
                        Optional.empty())),
                e.problems().subList(0, 2));
        MetadataProblem req = e.problems().get(2);
        assertEquals("requires-dist", req.field());
        assertEquals(OptionalInt.of(6), req.line());
        assertEquals("`urllib3 >=` is not a valid requirement for `Requires-Dist`: " + cause.reason(), req.message());
        assertTrue(req.cause().orElseThrow() instanceof InvalidRequirementException);
        assertEquals(3, e.problems().size());
        assertEquals("Invalid core metadata in `broken_demo-1.0.dist-info/METADATA` (3 problems):\n"
                + "  broken_demo-1.0.dist-info/METADATA:9: Unrecognized field `x-custom`\n"
                + "  broken_demo-1.0.dist-info/METADATA:8: `Version` cannot be dynamic (PEP 643)\n"
                + "  broken_demo-1.0.dist-info/METADATA:6: `urllib3 >=` is not a valid requirement for"
                + " `Requires-Dist`: " + cause.reason(), e.getMessage());
        assertEquals(1, e.getSuppressed().length);

        // A resolver tolerates the unknown header, but not the bad requirement nor a dynamic Version.
        InvalidMetadataException r = assertThrows(InvalidMetadataException.class,
                () -> Metadata.parse(data, "broken", ValidationMode.RESOLUTION));
        assertEquals(List.of("dynamic", "requires-dist"), r.problems().stream().map(MetadataProblem::field).toList());
    }

    @Test
    void missingRequiredFields_allReported() {
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                () -> Metadata.parse("Summary: nothing else\n", "x"));
        assertEquals(List.of("Expected a `Metadata-Version` field, found none", "Expected a `Name` field, found none",
                "Expected a `Version` field, found none"),
                e.problems().stream().map(MetadataProblem::message).toList());
    }

    @Test
    void validationReportsEveryInvalidField() {
        String text = "Metadata-Version: 2.5\nName: -bad-\nVersion: one\nSummary: a\r b\n"
                + "Description-Content-Type: text/html\nLicense-Expression: MIT OR\nLicense-File: ../LICENSE\n"
                + "Import-Name: class\nProvides-Extra: ok\nProvides-Extra: not ok\nRequires-Python: NotReal\n"
                + "Dynamic: Frobnicate\n";
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> Metadata.parse(text, "x"));
        assertEquals(List.of("name", "version", "dynamic", "summary", "description-content-type", "license-expression",
                "license-file", "requires-python", "provides-extra", "import-name"),
                e.problems().stream().map(MetadataProblem::field).toList());
    }

    @Test
    void resolution_majorVersion3IsAnError() {
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> Metadata.parse(
                "Metadata-Version: 3.0\nName: a\nVersion: 1\n", "x", ValidationMode.RESOLUTION));
        assertEquals("metadata-version", e.problems().get(0).field());
        Metadata m = Metadata.parse("Metadata-Version: 2.7\nName: a\nVersion: 1\n", "x", ValidationMode.RESOLUTION);
        assertEquals(MetadataVersion.V2_6, m.metadataVersion());
    }

    @Test
    void resolution_invalidUnrelatedFieldIsDroppedWithWarning() {
        Metadata m = Metadata.parse("Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense-Expression: Foo-1.0\n"
                + "Summary: two\n  lines\n", "x", ValidationMode.RESOLUTION);
        assertEquals(Optional.empty(), m.licenseExpression());
        assertEquals(Optional.empty(), m.summary());
        assertEquals(Optional.of("Foo-1.0"), m.raw().licenseExpression());
        assertEquals(List.of("summary", "license-expression"),
                m.warnings().stream().map(MetadataProblem::field).toList());
    }

    @Test
    void resolution_invalidExtraBefore23IsKeptNormalized_after23IsAnError() {
        Metadata m = Metadata.parse("Metadata-Version: 2.1\nName: a\nVersion: 1\nProvides-Extra: Foo Bar\n", "x",
                ValidationMode.RESOLUTION);
        assertEquals(List.of("foo bar"), m.providesExtra());
        assertEquals(1, m.warnings().size());
        assertThrows(InvalidMetadataException.class, () -> Metadata.parse(
                "Metadata-Version: 2.3\nName: a\nVersion: 1\nProvides-Extra: Foo Bar\n", "x", ValidationMode.RESOLUTION));
    }

    @Test
    void duplicateRequiredField_reportedOnceAsInvalidData() {
        List<MetadataProblem> problems = Metadata.problems(
                RawMetadata.parse("Metadata-Version: 2.6\nName: a\nName: b\nVersion: 1\n", "x"), ValidationMode.STRICT);
        assertEquals(List.of(new MetadataProblem("name", OptionalInt.of(2),
                "`Name` has invalid data: given 2 times, but it may be given once", Optional.empty())), problems);
    }

    @Test
    void dynamicIsLowerCasedAndTyped() {
        Metadata m = Metadata.parse("Metadata-Version: 2.2\nName: a\nVersion: 1\nDynamic: Requires-Dist\n"
                + "Dynamic: license\n", "x");
        assertEquals(List.of(MetadataField.REQUIRES_DIST, MetadataField.LICENSE), m.dynamic());
    }

    @Test
    void everyField_readAndTyped() {
        RawMetadata raw = RawMetadata.parse(resource("everything.METADATA"), "everything");
        assertEquals(Map.of("thisisnotreal", List.of("Hello!")), raw.unparsed());
        assertEquals(28, raw.fields().size()); // every field but Obsoletes-Dist, Requires, Provides, Obsoletes
        assertEquals(Optional.of("C. Schultz, Universal Features Syndicate,\n"
                + "        Los Angeles, CA <cschultz@peanuts.example.com>"), raw.author());
        assertEquals(Optional.of("\u2026/BeagleVote-0.45.tgz"), raw.downloadUrl());
        assertEquals(List.of("Obsoletes-Dist"), raw.dynamic());

        InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                () -> Metadata.from(raw));
        assertEquals(List.of(new MetadataProblem("thisisnotreal", OptionalInt.of(47),
                "Unrecognized field `thisisnotreal`", Optional.empty())), e.problems());

        Metadata m = Metadata.from(raw, ValidationMode.RESOLUTION);
        assertEquals(List.of("ObscureUnix", "RareDOS"), m.platforms());
        assertEquals(List.of("RedHat 7.2", "i386-win32-2791"), m.supportedPlatforms());
        assertEquals(Optional.of("A module for collecting votes from beagles."), m.summary());
        assertEquals(Optional.of("text/markdown; charset=UTF-8; variant=GFM"), m.descriptionContentType());
        assertEquals(List.of("dog", "puppy", "voting", "election"), m.keywords());
        assertEquals(Optional.of("http://www.example.com/~cschultz/bvote/"), m.homePage());
        assertEquals(Optional.of("\"C. Schultz\" <cschultz@example.com>"), m.authorEmail());
        assertEquals(m.author(), m.maintainer());
        assertEquals(m.authorEmail(), m.maintainerEmail());
        assertTrue(m.license().orElseThrow().endsWith("\n        to redistribute it."));
        assertEquals("Apache-2.0 OR BSD-2-Clause", m.licenseExpression().orElseThrow().toString());
        assertEquals(List.of("LICENSE.APACHE", "LICENSE.BSD"), m.licenseFiles());
        assertEquals(List.of("Development Status :: 4 - Beta", "Environment :: Console (Text Based)"),
                m.classifiers());
        assertEquals(List.of("pdf"), m.providesExtra());
        assertEquals(5, m.requiresDist().size());
        assertEquals(Optional.of(SpecifierSet.parse(">=3")), m.requiresPython());
        assertEquals(List.of("C", "libpng (>=1.5)", "make; sys_platform != \"win32\""), m.requiresExternal());
        assertEquals(List.of("Bug Tracker", "Documentation"), List.copyOf(m.projectUrls().keySet()));
        assertEquals(List.of("OtherProject", "AnotherProject (3.4)", "virtual_package; python_version >= \"3.4\""),
                m.providesDist());
        assertEquals(List.of(MetadataField.OBSOLETES_DIST), m.dynamic());
        assertEquals(List.of("beaglevote", "_beaglevote ; private"), m.importNames());
        assertEquals(List.of("spam", "_bacon ; private"), m.importNamespaces());
        assertEquals(Optional.of("This description intentionally left blank.\n"), m.description());
        assertEquals(List.of("thisisnotreal"), m.warnings().stream().map(MetadataProblem::field).toList());
    }
}
