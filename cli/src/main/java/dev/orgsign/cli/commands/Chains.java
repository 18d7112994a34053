package dev.orgsign.cli.commands;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.core.verify.TrustMaterial;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes a key's chain with CA certificates given by {@code --ca}: many tokens hold only the
 * holder's certificate, while the signature should carry the issuing CA's too.
 */
final class Chains {
    private Chains() {
    }

    static TokenKey completed(TokenKey key, List<Path> caFiles) throws OrgsignException {
        if (caFiles.isEmpty() || key.certificate() == null) {
            return key;
        }
        List<X509Certificate> pool = new ArrayList<>();
        for (Path p : caFiles) {
            pool.addAll(TrustMaterial.load(p, List.of()).anchors());
        }
        List<X509Certificate> chain = new ArrayList<>(key.chain().isEmpty() ? List.of(key.certificate()) : key.chain());
        boolean grown = true;
        while (grown) {
            grown = false;
            X509Certificate last = chain.get(chain.size() - 1);
            if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                break;
            }
            for (X509Certificate c : pool) {
                if (c.getSubjectX500Principal().equals(last.getIssuerX500Principal()) && !chain.contains(c)) {
                    chain.add(c);
                    grown = true;
                    break;
                }
            }
        }
        return key.withChain(chain);
    }
}
