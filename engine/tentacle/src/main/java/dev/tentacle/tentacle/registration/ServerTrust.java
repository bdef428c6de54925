package dev.tentacle.tentacle.registration;

/** Why the server's certificate was trusted for a registration. */
public enum ServerTrust {
    /** It is the certificate the user pinned with {@code --server-thumbprint}. */
    PINNED,
    /**
     * Nothing vouched for it: it was accepted because it is the certificate the server reports as its own. A person
     * should compare its thumbprint with the one the server shows ({@code octopus-server show-thumbprint}).
     */
    TRUSTED_ON_FIRST_USE
}
