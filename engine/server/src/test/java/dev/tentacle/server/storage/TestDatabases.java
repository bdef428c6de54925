package dev.tentacle.server.storage;

/** Hands each test an empty database of one kind. */
interface TestDatabases {

    DatabaseKind kind();

    /** A database no test has used; its schema is created when storage first opens it. */
    StorageConfiguration newDatabase();
}
