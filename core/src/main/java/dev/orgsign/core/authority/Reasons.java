package dev.orgsign.core.authority;

import dev.orgsign.core.Recurring;
import dev.orgsign.core.identifier.Names;
import dev.orgsign.core.registry.Disqualification;
import dev.orgsign.core.registry.ManagingOrganization;
import dev.orgsign.core.registry.RegisterStatus;
import dev.orgsign.core.registry.Termination;
import dev.orgsign.core.registry.UnreliableMark;

import java.time.LocalDate;

/** The reasons {@link AuthorityCheck} gives, with their stable codes. */
final class Reasons {
    private Reasons() {
    }

    /** Reasons that recur verification after verification, made once per position and per extract date. */
    private static final Recurring<String, Reason> HEADS = new Recurring<>(4096, Reasons::newHead);
    private static final Recurring<LocalDate, Reason> EXTRACTS = new Recurring<>(4096, Reasons::newExtract);

    static Reason head(String position) {
        return HEADS.get(position);
    }

    private static Reason newHead(String position) {
        return new Reason("signer.head",
                "The register lists the signer as entitled to act for the organization without a power of attorney ("
                        + position + ").",
                "Реестр указывает подписанта как лицо, имеющее право действовать от имени организации без доверенности ("
                        + position + ").");
    }

    static Reason entrepreneur() {
        return new Reason("signer.entrepreneur", "The signer is the entrepreneur the register lists under this OGRNIP.",
                "Подписант — индивидуальный предприниматель, которого реестр указывает под этим ОГРНИП.");
    }

    static Reason noOrganization() {
        return new Reason("certificate.no-organization",
                "The certificate is a natural person's: it names no organization. Registering an organization takes "
                        + "its head's certificate; a power of attorney does not entitle its holder to do it.",
                "Сертификат выдан физическому лицу и не содержит сведений об организации. Зарегистрировать организацию "
                        + "может только её руководитель; доверенность такого права не даёт.");
    }

    static Reason notEntrepreneur() {
        return new Reason("certificate.not-entrepreneur",
                "The certificate carries no OGRNIP, so it was not issued to an individual entrepreneur.",
                "В сертификате нет ОГРНИП: он выдан не индивидуальному предпринимателю.");
    }

    static Reason ogrnMismatch(String cert, String claimed) {
        return new Reason("certificate.ogrn-mismatch",
                "The certificate names the organization with OGRN " + cert + ", not " + claimed + ".",
                "Сертификат выдан для организации с ОГРН " + cert + ", а не " + claimed + ".");
    }

    static Reason ogrnipMismatch(String cert, String claimed) {
        return new Reason("certificate.ogrnip-mismatch",
                "The certificate carries OGRNIP " + cert + ", not " + claimed + ".",
                "В сертификате указан ОГРНИП " + cert + ", а не " + claimed + ".");
    }

    static Reason innleMismatch(String cert, String register) {
        return new Reason("certificate.innle-mismatch",
                "The certificate gives the organization's INN as " + cert + ", the register as " + register + ".",
                "ИНН организации в сертификате — " + cert + ", в реестре — " + register + ".");
    }

    static Reason missingInn() {
        return new Reason("certificate.no-inn", "The certificate carries no personal INN, so the signer cannot be matched "
                + "with the register.", "В сертификате нет ИНН физического лица, поэтому подписанта нельзя сверить с реестром.");
    }

    static Reason notFound(String what, String id) {
        return new Reason("register.not-found",
                "The register extracts at hand do not contain " + what + " " + id + "; whether the signer is entitled is unknown.",
                "В имеющихся выписках из реестра нет записи с " + (what.equals("OGRN") ? "ОГРН" : "ОГРНИП") + " " + id
                        + "; право подписанта установить нельзя.");
    }

    static Reason terminated(String name, Termination t) {
        String how = t.name() == null ? "" : " («" + t.name() + "»)";
        return new Reason("register.terminated", "The register records that " + name + " has ceased"
                + (t.date() == null ? "" : " on " + t.date()) + how + ".",
                "По данным реестра деятельность " + name + " прекращена" + (t.date() == null ? "" : " " + ru(t.date())) + how + ".");
    }

    static Reason statusTerminating(RegisterStatus s) {
        return new Reason("register.status-terminating", "The register records the status «" + s.name() + "» (code "
                + s.code() + when(s.recordedOn()) + "): the organization is being or has been terminated.",
                "В реестре указано состояние «" + s.name() + "» (код " + s.code() + whenRu(s.recordedOn())
                        + "): организация ликвидируется или прекратила деятельность.");
    }

    static Reason statusUndecided(RegisterStatus s) {
        return new Reason("register.status", "The register records the status «" + s.name() + "» (code " + s.code()
                + when(s.recordedOn()) + "); whether the signer may act for an organization in this state is not decided "
                + "automatically.", "В реестре указано состояние «" + s.name() + "» (код " + s.code() + whenRu(s.recordedOn())
                + "); право действовать от имени организации в таком состоянии автоматически не устанавливается.");
    }

    static Reason statusNoted(RegisterStatus s) {
        return new Reason("register.status-noted", "The register records the status «" + s.name() + "» (code " + s.code()
                + when(s.recordedOn()) + "); it does not change who may act for the organization.",
                "В реестре указано состояние «" + s.name() + "» (код " + s.code() + whenRu(s.recordedOn())
                        + "); оно не меняет того, кто вправе действовать от имени организации.");
    }

    static Reason contested(String what, String id) {
        return new Reason("register.contested", "The extracts hold two different records of " + what + " " + id
                + " of the same date; which one is current is unknown.",
                "В выписках две разные записи с " + (what.equals("OGRN") ? "ОГРН" : "ОГРНИП") + " " + id
                        + " одной даты; какая из них актуальна, неизвестно.");
    }

    static Reason disqualified(String name, Disqualification d, LocalDate day) {
        return new Reason("head.disqualified", "The register records a disqualification of " + name + " from "
                + en(d.start()) + " to " + en(d.end()) + (d.decidedOn() == null ? "" : " (decision of " + d.decidedOn() + ")")
                + "; it is in force on " + day + ".",
                "В реестре указана дисквалификация " + name + " с " + ru(d.start()) + " по " + ru(d.end())
                        + (d.decidedOn() == null ? "" : " (решение от " + ru(d.decidedOn()) + ")") + "; на " + ru(day)
                        + " она действует.");
    }

    static Reason unreliable(String name, UnreliableMark m) {
        return new Reason("head.unreliable", "The register marks its data on " + name + " as unreliable: «" + m.text() + "»"
                + (m.recordedOn() == null ? "" : " (entered " + m.recordedOn() + ")")
                + ". Until the register is corrected, the signer's authority cannot be established.",
                "Реестр отмечает сведения о " + name + " как недостоверные: «" + m.text() + "»"
                        + (m.recordedOn() == null ? "" : " (запись от " + ru(m.recordedOn()) + ")")
                        + ". Пока реестр не исправлен, право подписанта установить нельзя.");
    }

    static Reason managingHead(ManagingOrganization m, String position) {
        return new Reason("managing.head", "The register names " + m.fullName() + " (OGRN " + m.ogrn()
                + ") as the managing organization, and lists the signer as entitled to act for it without a power of "
                + "attorney (" + position + ").",
                "По данным реестра организацией управляет " + m.fullName() + " (ОГРН " + m.ogrn()
                        + "), и подписант вправе действовать от её имени без доверенности (" + position + ").");
    }

    static Reason managingNotFound(ManagingOrganization m) {
        return new Reason("managing.not-found", "The organization is run by the managing organization " + m.fullName()
                + " (OGRN " + m.ogrn() + "), whose own register record is not in the extracts at hand; add the extract of OGRN "
                + m.ogrn() + " to decide.",
                "Организацией управляет управляющая организация " + m.fullName() + " (ОГРН " + m.ogrn()
                        + "), а её собственной записи в имеющихся выписках нет; добавьте выписку по ОГРН " + m.ogrn() + ".");
    }

    static Reason managingUnresolved(ManagingOrganization m, String why, String whyRu) {
        return new Reason("managing.unresolved", "The organization is run by the managing organization " + m.fullName()
                + (m.ogrn() == null ? "" : " (OGRN " + m.ogrn() + ")") + ", and " + why + ".",
                "Организацией управляет управляющая организация " + m.fullName()
                        + (m.ogrn() == null ? "" : " (ОГРН " + m.ogrn() + ")") + ", и " + whyRu + ".");
    }

    static Reason managingUnreliable(ManagingOrganization m, UnreliableMark mark) {
        return new Reason("managing.unreliable", "The register marks its data on the managing organization " + m.fullName()
                + " as unreliable: «" + mark.text() + "».",
                "Реестр отмечает сведения об управляющей организации " + m.fullName() + " как недостоверные: «"
                        + mark.text() + "».");
    }

    static Reason mixedScript(Names.MixedLetter letter) {
        return new Reason("name.mixed-script", letter.english(), letter.russian());
    }

    static Reason extract(LocalDate date) {
        return date == null ? newExtract(null) : EXTRACTS.get(date);
    }

    private static Reason newExtract(LocalDate date) {
        return new Reason("register.extract", "The decision rests on the register extract of " + date + ".",
                "Решение основано на выписке из реестра от " + ru(date) + ".");
    }

    private static String en(LocalDate d) {
        return d == null ? "?" : d.toString();
    }

    private static String when(LocalDate d) {
        return d == null ? "" : ", entered " + d;
    }

    private static String whenRu(LocalDate d) {
        return d == null ? "" : ", запись от " + ru(d);
    }

    /** A date as Russian documents write it (dd.MM.yyyy); "?" when the register leaves it out. */
    static String ru(LocalDate d) {
        if (d == null) {
            return "?";
        }
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        return (day < 10 ? "0" : "") + day + (month < 10 ? ".0" : ".") + month + "." + d.getYear(); // no Formatter per call
    }

    static Reason innMismatch() {
        return new Reason("register.inn-mismatch", "The signer's INN differs from the INN the register holds.",
                "ИНН подписанта не совпадает с ИНН в реестре.");
    }

    static Reason nameMismatch(String cert, String register) {
        return new Reason("register.name-mismatch", "The name in the certificate (" + cert
                + ") differs from the name in the register (" + register + ").",
                "ФИО в сертификате (" + cert + ") не совпадает с ФИО в реестре (" + register + ").");
    }

    static Reason notListed(String register) {
        String listed = register.isEmpty() ? "it lists no one" : "it lists " + register;
        return new Reason("signer.not-listed", "The signer is not among the persons the register lists as entitled to act "
                + "for the organization without a power of attorney (" + listed + ").",
                "Подписанта нет среди лиц, которые по данным реестра вправе действовать от имени организации без "
                        + "доверенности (в реестре: " + (register.isEmpty() ? "никто не указан" : register) + ").");
    }

    static Reason notGovernment(String form) {
        return new Reason("organization.not-government", "The register gives the legal form as '" + form
                + "', which is not a state or municipal body.",
                "Организационно-правовая форма по реестру — «" + form + "», это не государственный или муниципальный орган.");
    }

    static Reason isGovernment(String form) {
        return new Reason("organization.type-mismatch", "The register gives the legal form as '" + form
                + "', a state or municipal body: register it as GOV, not LLC.",
                "Организационно-правовая форма по реестру — «" + form + "», это государственный или муниципальный орган: "
                        + "выберите тип GOV, а не LLC.");
    }
}
