package dev.pinwheel.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Maps a {@link MetadataField} to the matching typed accessor of {@link Metadata}, for data-driven tests. */
final class MetadataTypedAccess {
    private MetadataTypedAccess() {
    }

    static Object typed(Metadata m, MetadataField f) {
        switch (f) {
            case METADATA_VERSION: return m.metadataVersion();
            case NAME: return m.name();
            case VERSION: return m.version();
            case DYNAMIC: return m.dynamic();
            case PLATFORM: return m.platforms();
            case SUPPORTED_PLATFORM: return m.supportedPlatforms();
            case SUMMARY: return m.summary();
            case DESCRIPTION: return m.description();
            case DESCRIPTION_CONTENT_TYPE: return m.descriptionContentType();
            case KEYWORDS: return m.keywords();
            case HOME_PAGE: return m.homePage();
            case DOWNLOAD_URL: return m.downloadUrl();
            case AUTHOR: return m.author();
            case AUTHOR_EMAIL: return m.authorEmail();
            case MAINTAINER: return m.maintainer();
            case MAINTAINER_EMAIL: return m.maintainerEmail();
            case LICENSE: return m.license();
            case LICENSE_EXPRESSION: return m.licenseExpression();
            case LICENSE_FILE: return m.licenseFiles();
            case CLASSIFIER: return m.classifiers();
            case REQUIRES_DIST: return m.requiresDist();
            case REQUIRES_PYTHON: return m.requiresPython();
            case REQUIRES_EXTERNAL: return m.requiresExternal();
            case PROJECT_URL: return m.projectUrls();
            case PROVIDES_EXTRA: return m.providesExtra();
            case PROVIDES_DIST: return m.providesDist();
            case OBSOLETES_DIST: return m.obsoletesDist();
            case IMPORT_NAME: return m.importNames();
            case IMPORT_NAMESPACE: return m.importNamespaces();
            case REQUIRES: return m.requires();
            case PROVIDES: return m.provides();
            case OBSOLETES: return m.obsoletes();
            default: throw new AssertionError(f);
        }
    }

    static void checkRequiresPython(String specifier) {
        Metadata m = Metadata.from(RawMetadata.builder("test").set(MetadataField.METADATA_VERSION, "2.6")
                .set(MetadataField.NAME, "packaging").set(MetadataField.VERSION, "2023.0.0")
                .set(MetadataField.REQUIRES_PYTHON, specifier).build());
        assertEquals(java.util.Optional.of(dev.pinwheel.version.SpecifierSet.parse(specifier)), m.requiresPython());
    }
}
