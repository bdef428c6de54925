package dev.tentacle.testing.contract;

/** The whole comms contract, listening mode. */
class ListeningContractTest extends CommsFailureContractSuite {
    @Override
    protected Mode mode() {
        return Mode.LISTENING;
    }
}
