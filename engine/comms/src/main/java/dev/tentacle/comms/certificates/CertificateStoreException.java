package dev.tentacle.comms.certificates;

/**
 * A certificate file could not be read or written. The message names the file, says what is wrong with it and
 * what to do.
 */
public class CertificateStoreException extends RuntimeException {
    public CertificateStoreException(String message) {
        super(message);
    }

    public CertificateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
