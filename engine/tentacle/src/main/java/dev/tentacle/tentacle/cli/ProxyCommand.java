package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code proxy}: the proxy for connections a listening Tentacle makes on its own behalf. */
@Command(name = "proxy",
        header = "Sets the proxy for outgoing connections of listening work.",
        sortOptions = false,
        description = "Sets the HTTP CONNECT proxy for outgoing connections this Tentacle makes for its listening"
                + " work (such as downloads). Only the options given change.")
final class ProxyCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    ProxyOptions proxy;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        TentacleInstance target = instance.resolve(context());
        ProxyConfiguration saved = target.update(c -> c.withProxy(proxy.applyTo(c.proxy(), "proxy"))).proxy();
        ProxyResult.print(printer(format), target, "Proxy", saved);
        return 0;
    }
}
