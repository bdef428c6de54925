package dev.tentacle.server.storage.machines;

/** The kinds of name a machine is tagged with; stored in {@code machine_tags.tag_kind}. */
enum TagKind {
    ENVIRONMENT, ROLE, TENANT
}
