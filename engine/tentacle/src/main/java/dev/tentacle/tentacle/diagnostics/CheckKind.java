package dev.tentacle.tentacle.diagnostics;

/** What a check looks at. Several results may share a kind, one per polled server for example. */
public enum CheckKind {
    CONFIGURATION("Configuration file"),
    CERTIFICATE("Certificate"),
    TRUSTED_SERVERS("Trusted servers"),
    LISTENING_PORT("Listening port"),
    WELCOME_PAGE("Welcome page"),
    POLLING_PROXY("Polling proxy"),
    SERVER_NAME("Server host name"),
    SERVER_PORT("Server port"),
    SERVER_CERTIFICATE("Server certificate"),
    PROXY("Proxy"),
    DISK_SPACE("Free disk space");

    private final String title;

    CheckKind(String title) {
        this.title = title;
    }

    /** A short title for people, such as "Listening port". */
    public String title() {
        return title;
    }
}
