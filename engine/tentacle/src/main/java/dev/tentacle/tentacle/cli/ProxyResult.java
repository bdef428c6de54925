package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.Printer;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;

/** What {@code proxy} and {@code polling-proxy} print: the saved proxy, password masked. */
record ProxyResult(String instance, String configFile, ProxyView proxy) {

    static void print(Printer printer, TentacleInstance target, String label, ProxyConfiguration saved) {
        printer.print(new ProxyResult(target.name(), target.configFile().toString(), ProxyView.of(saved)), out -> {
            out.println(label + " of the Tentacle instance '" + target.name() + "': " + saved
                    + (!saved.enabled() && saved.host() != null ? "; enable it with --proxyEnable true" : "") + ".");
            out.println("Saved " + target.configFile() + ".");
        });
    }
}
