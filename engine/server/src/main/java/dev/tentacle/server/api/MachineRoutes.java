package dev.tentacle.server.api;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachineId;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** {@code /api/machines}: list, get, register and remove machines. */
final class MachineRoutes {

    private final Storage storage;

    MachineRoutes(Storage storage) {
        this.storage = storage;
    }

    void register(Javalin app) {
        app.get("/api/machines", this::list);
        app.get("/api/machines/{id}", this::get);
        app.post("/api/machines", this::add);
        app.delete("/api/machines/{id}", this::remove);
    }

    private void list(Context ctx) {
        MachineFilter filter = MachineFilter.all()
                .withRole(ctx.queryParam("role"))
                .withEnvironment(ctx.queryParam("environment"))
                .withNameContaining(ctx.queryParam("name"))
                .withThumbprints(thumbprints(ctx.queryParams("thumbprint")));
        ctx.json(storage.machines().list(filter).stream().map(MachineResource::of).toList());
    }

    /** Repeatable: a Tentacle looking for itself gives both forms of its certificate's thumbprint. */
    private static List<Thumbprint> thumbprints(List<String> given) {
        return given.stream().filter(text -> !text.isBlank()).map(text -> {
            if (!Thumbprint.isValid(text)) {
                throw ApiException.invalid("thumbprint", "thumbprint must be a certificate's SHA-1 (40 hex digits) or "
                        + "SHA-256 (64 hex digits) thumbprint, was '" + text + "'");
            }
            return Thumbprint.parse(text);
        }).toList();
    }

    private void get(Context ctx) {
        MachineId id = ApiIds.machine("id", ctx.pathParam("id"));
        Machine machine = storage.machines().get(id).orElseThrow(() -> notFound(id));
        ctx.json(MachineResource.of(machine));
    }

    private void add(Context ctx) {
        RegisterMachineRequest request = ApiJson.body(ctx, RegisterMachineRequest.class);
        Machine machine = storage.machines().add(request.toNewMachine());
        storage.notifications().publish(StorageChannel.MACHINES);
        ctx.status(HttpStatus.CREATED).header("Location", "/api/machines/" + machine.id());
        ctx.json(MachineResource.of(machine));
    }

    private void remove(Context ctx) {
        MachineId id = ApiIds.machine("id", ctx.pathParam("id"));
        if (!storage.machines().remove(id)) {
            throw notFound(id);
        }
        storage.notifications().publish(StorageChannel.MACHINES);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    static StorageNotFoundException notFound(MachineId id) {
        return new StorageNotFoundException("There is no machine " + id + "; list machines with GET /api/machines "
                + "to find its id");
    }
}
