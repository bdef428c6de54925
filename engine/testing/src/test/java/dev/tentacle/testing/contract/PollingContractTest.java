package dev.tentacle.testing.contract;

/** The whole comms contract, polling mode. */
class PollingContractTest extends CommsFailureContractSuite {
    @Override
    protected Mode mode() {
        return Mode.POLLING;
    }
}
