package dev.orgsign.testcerts.softhsm;

/** SoftHSM2 is not installed on this machine. The message says what to install. */
public final class SoftHsmMissingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public SoftHsmMissingException() {
        super("SoftHSM2 is not installed: run `apt-get install softhsm2` (or scripts/setup, which installs everything "
                + "the tests need). To skip the SoftHSM tests on purpose, set ORGSIGN_SKIP_SOFTHSM=1.");
    }
}
