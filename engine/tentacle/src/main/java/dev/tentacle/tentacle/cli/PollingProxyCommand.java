package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code polling-proxy}: the proxy polling connections go through. */
@Command(name = "polling-proxy",
        header = "Sets the proxy for polling connections.",
        sortOptions = false,
        description = "Sets the HTTP CONNECT proxy that polling connections to Octopus Servers go through. Only the"
                + " options given change. A running Tentacle uses it after a restart.")
final class PollingProxyCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    ProxyOptions proxy;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        TentacleInstance target = instance.resolve(context());
        ProxyConfiguration saved = target.update(c -> c.withPollingProxy(proxy.applyTo(c.pollingProxy(), "polling proxy")))
                .pollingProxy();
        ProxyResult.print(printer(format), target, "Polling proxy", saved);
        return 0;
    }
}
