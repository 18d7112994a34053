package dev.orgsign.cli.commands;

import dev.orgsign.cli.Messages;
import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrganizationType;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.RegistrationDialog;
import dev.orgsign.core.Text;
import dev.orgsign.core.authority.AuthorityDecision;
import dev.orgsign.core.certificate.QualifiedCertificate;
import dev.orgsign.core.identifier.Contacts;
import dev.orgsign.core.identifier.Identifiers;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.token.SigningToken;
import dev.orgsign.core.token.TokenKey;
import dev.orgsign.pkcs11.PinState;
import dev.orgsign.pkcs11.Pkcs11SigningToken;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code orgsign register} wizard: core's {@link dev.orgsign.core.Registration} runs the flow,
 * this answers its questions on the terminal. Whatever is mistyped (an OGRN with a wrong check
 * digit, an e-mail address, a phone) is said and asked again, never ending the session; what the
 * command line gave is never asked; «нет» at the summary cancels. Without a terminal the same
 * class only says how the PIN is entered on a PIN pad.
 */
final class Wizard implements RegistrationDialog {
    private final Prompter ask;
    private final Messages m;
    private final PrintWriter err;
    private final boolean signOnly;
    private final boolean yes;
    private final boolean allowFinalTry;
    private final Path out;

    /**
     * @param ask           the terminal's questions, or null for a run without a terminal
     * @param m             the language
     * @param err           where the PIN pad note goes without a terminal (null with --json)
     * @param signOnly      --no-submit: the confirmation says "sign", not "sign and submit"
     * @param yes           --yes: the summary is shown but not confirmed
     * @param allowFinalTry --allow-final-try: the final PIN try is used without asking
     * @param out           the folder the files go to, for the summary
     */
    Wizard(Prompter ask, Messages m, PrintWriter err, boolean signOnly, boolean yes, boolean allowFinalTry, Path out) {
        this.ask = ask;
        this.m = m;
        this.err = err;
        this.signOnly = signOnly;
        this.yes = yes;
        this.allowFinalTry = allowFinalTry;
        this.out = out;
    }

    @Override
    public boolean interactive() {
        return ask != null;
    }

    @Override
    public int chooseKey(List<KeyChoice> choices) throws OrgsignException {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            entries.add(KeyListing.text(i + 1, choices.get(i).key(), m, choices.get(i).entitled()
                    ? m.get("wizard.entitled") : null));
        }
        return ask.choose(m.get("ask.certificate"), entries, choices.get(0).entitled() ? 0 : -1);
    }

    @Override
    public String organizationId(OrganizationType type, String suggested) throws OrgsignException {
        if (ask == null) {
            return null;
        }
        boolean ie = type == OrganizationType.IE;
        return ask.text(m.get(ie ? "ask.ogrnip" : "ask.ogrn"), suggested, false,
                v -> problem(() -> {
                    if (ie) {
                        Identifiers.ogrnip("OGRNIP", v);
                    } else {
                        Identifiers.ogrn("OGRN", v);
                    }
                }));
    }

    @Override
    public void entitled(QualifiedCertificate signer, AuthorityDecision decision) {
        if (ask == null) {
            return;
        }
        ask.out().println(m.get("wizard.authorityOk", signer.holderName()));
        ask.out().flush();
    }

    /**
     * The signer's chain would not be built by the service: with {@code --yes} a warning, in the
     * wizard the person decides, without a terminal the registration stops and says how to go on.
     */
    @Override
    public boolean signDespite(Text problem) throws OrgsignException {
        String warning = m.get("wizard.warning", m.in(problem));
        if (yes) {
            PrintWriter w = ask != null ? ask.out() : err;
            if (w != null) {
                w.println(warning);
                w.flush();
            }
            return true;
        }
        if (ask == null) {
            throw new OrgsignException(ErrorCode.USAGE, m.in(problem) + " " + m.get("register.chainYes"));
        }
        ask.out().println(warning);
        ask.out().flush();
        if (!ask.confirm(m.get("ask.signAnyway"))) {
            throw new OrgsignException(ErrorCode.CANCELLED, m.get("register.notSigned"));
        }
        return true;
    }

    @Override
    public void loggingIn(SigningToken token) throws OrgsignException {
        if (!(token instanceof Pkcs11SigningToken p11)) {
            return;
        }
        if (ask != null && !allowFinalTry) {
            PinState state = p11.pinState();
            if (state.finalTry() && !state.locked() && !ask.confirm(m.get("ask.finalTry", p11.description(m.locale())))) {
                throw new OrgsignException(ErrorCode.PIN_FINAL_TRY, m.get("register.finalTryDeclined"));
            }
        }
        PrintWriter w = ask != null ? ask.out() : err;
        if (p11.info().protectedAuthPath() && w != null) {
            w.println(m.get("pin.pad", p11.description(m.locale())));
            w.flush();
        }
    }

    @Override
    public String email(String suggested) throws OrgsignException {
        return ask.text(m.get("ask.email"), suggested, false, v -> problem(() -> Contacts.email(v)));
    }

    @Override
    public String phone() throws OrgsignException {
        String typed = ask.text(m.get("ask.phone"), null, true, v -> problem(() -> Contacts.phone(v)));
        return typed == null ? null : Contacts.phone(typed);
    }

    @Override
    public String position() throws OrgsignException {
        return ask.text(m.get("ask.position"), null, false, null);
    }

    @Override
    public boolean confirm(RegistrationPayload p, TokenKey k) throws OrgsignException {
        if (ask == null) {
            return true;
        }
        var o = p.organization();
        var h = p.head();
        PrintWriter w = ask.out();
        w.println();
        w.println(m.get("summary.heading"));
        w.println("  " + m.get("summary.type", m.get("type." + o.type().name())));
        w.println("  " + m.get("summary.org", o.fullName()));
        w.println("  " + m.get("summary.ids", o.id(), o.inn(), o.kpp() == null ? "-" : o.kpp()));
        w.println("  " + m.get("summary.head", h.surname() + " " + h.firstName()
                + (h.patronymic() == null ? "" : " " + h.patronymic()), h.position() == null ? "-" : h.position()));
        w.println("  " + m.get("summary.headIds", h.inn(), Identifiers.formatSnils(h.snils())));
        w.println("  " + m.get("summary.contact", p.contact().email(), p.contact().phone() == null ? "-" : p.contact().phone()));
        w.println("  " + m.get("summary.key", k.label(), k.keyAlgorithm()));
        w.println("  " + m.get("summary.out", out.toAbsolutePath().normalize()));
        w.flush();
        return yes || ask.confirm(m.get(signOnly ? "ask.confirmSignOnly" : "ask.confirm"));
    }

    @Override
    public void signing() {
        if (ask == null) {
            return;
        }
        ask.out().println(m.get("register.signing"));
        ask.out().flush();
    }

    /** A value's check as the prompt wants it: null when fine, else the sentence in the reader's language. */
    private String problem(Check check) {
        try {
            check.run();
            return null;
        } catch (OrgsignException e) {
            return m.sentence(e);
        }
    }

    /** A check that throws the library's failure. */
    @FunctionalInterface
    private interface Check {
        void run() throws OrgsignException;
    }
}
