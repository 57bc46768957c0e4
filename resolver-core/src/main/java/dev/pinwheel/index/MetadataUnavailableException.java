package dev.pinwheel.index;

import java.net.URI;

/**
 * A source distribution's dependencies cannot be known without building it: its {@code PKG-INFO} is
 * older than Metadata-Version 2.2 or marks {@code Requires-Dist} as {@code Dynamic} (PEP 643).
 * Pinwheel never runs a build backend, so such a file is skipped with this note.
 */
public class MetadataUnavailableException extends UnusableFileException {
    private static final long serialVersionUID = 1L;

    /**
     * @param indexId  the index that served the file
     * @param url      the file's URL
     * @param fileName the sdist's file name
     * @param why      why its metadata is not static, e.g. "`Requires-Dist` is dynamic"
     */
    public MetadataUnavailableException(String indexId, URI url, String fileName, String why) {
        super(indexId, url, fileName, "needs a build to know its dependencies (" + why + "); Pinwheel does not run builds", null);
    }
}
