package dev.orgsign.core.verify;

import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Text;
import dev.orgsign.core.Texts;

import java.util.Locale;

/** The verification's sentences, in core's bundle ({@code dev/orgsign/core/Messages*.properties}). */
final class Sentences {
    /** The bundle. */
    static final Texts T = Texts.of(OrgsignException.class);

    private Sentences() {
    }

    /**
     * A sentence with its first letter made small, to follow a colon in another one.
     *
     * @param text the sentence
     * @return the same sentence in each language, starting with a small letter
     */
    static Text lowerFirst(Text text) {
        return new LowerFirst(text);
    }

    /**
     * What a library (the JDK, BouncyCastle) said of a failure, for the end of a sentence: its own
     * words, which exist in English only, so that a Russian sentence quotes them as data
     * («…») rather than going on in English.
     *
     * @param failure the exception
     * @return its message (its class's name when it has none), quoted in Russian
     */
    static Text detail(Throwable failure) {
        String said = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage().strip();
        return Text.quoted(said);
    }

    /**
     * Why a certificate was revoked, in words ({@code revocation.reason.*}).
     *
     * @param reason the reason a CRL or an OCSP responder gave
     * @return the reason in both languages
     */
    static Text revocationReason(java.security.cert.CRLReason reason) {
        return T.text("revocation.reason." + reason.name());
    }

    private record LowerFirst(Text text) implements Text {
        @Override
        public String in(Locale locale) {
            String s = text.in(locale);
            return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }

        @Override
        public String toString() {
            return in(Locale.ENGLISH);
        }
    }
}
