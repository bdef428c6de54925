package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerApiKeys;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.server.storage.apikeys.CreatedApiKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code create-api-key}: creates an API key and prints it, the only time it can be seen. */
@Command(name = "create-api-key", mixinStandardHelpOptions = true,
        header = "Creates an API key and shows it once.",
        sortOptions = false,
        description = "Creates an API key for scripts and the API. The server keeps only a hash of it, so the key is"
                + " shown now and never again: store it somewhere safe.")
final class CreateApiKeyCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the key is for.")
    String name;

    @Mixin
    FormatOption format;

    record Result(String id, String name, String apiKey, String warning) {
    }

    static final String WARNING = ServerApiKeys.SHOWN_ONCE;

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        CreatedApiKey created = ServerApiKeys.create(target, name);
        var result = new Result(created.apiKey().id().toString(), created.apiKey().name(), created.plainKey(), WARNING);
        printer(format).print(result, out -> {
            out.println("Created the API key '" + result.name() + "' (" + result.id() + "):");
            out.println("  " + result.apiKey());
            out.println(WARNING);
        });
        return 0;
    }
}
