package dev.tentacle.tentacle.scripts;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;

final class Requests {
    private Requests() {
    }

    static void require(Object value, String what) {
        if (value == null) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "The " + what + " is missing; send one.");
        }
    }
}
