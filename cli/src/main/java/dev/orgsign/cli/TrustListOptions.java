package dev.orgsign.cli;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.trust.TrustList;
import dev.orgsign.core.verify.TrustMaterial;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The ministry's list of accredited certification centres ({@code --trust-list FILE}) and the
 * certificate its signature is checked with ({@code --trust-list-signer FILE}), shared by
 * {@code verify}, {@code serve} and {@code register}.
 */
public final class TrustListOptions {
    @Option(names = "--trust-list", paramLabel = "FILE", descriptionKey = "opt.trustList")
    Path list;

    @Option(names = "--trust-list-signer", paramLabel = "FILE", descriptionKey = "opt.trustListSigner")
    Path signer;

    /** {@return the list's file, or null} */
    public Path list() {
        return list;
    }

    /** {@return the file of the list signer's certificate, or null} */
    public Path signer() {
        return signer;
    }

    /**
     * Reads the list when one was given.
     *
     * @return the list, or null without {@code --trust-list}
     * @throws OrgsignException when it cannot be read or is refused (its signature fails, it is signed and no signer was named)
     */
    public TrustList load() throws OrgsignException {
        return list == null ? null : TrustMaterial.trustList(list, signer);
    }
}
