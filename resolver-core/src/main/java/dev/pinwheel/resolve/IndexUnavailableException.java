package dev.pinwheel.resolve;

import dev.pinwheel.index.IndexException;

/** The index could not answer a question the resolution needed; the cause names the index and URL. */
public final class IndexUnavailableException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    IndexUnavailableException(String what, IndexException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    /** The index failure. */
    @Override
    public synchronized IndexException getCause() {
        return (IndexException) super.getCause();
    }
}
