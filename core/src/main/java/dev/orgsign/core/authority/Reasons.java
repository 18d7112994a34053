package dev.orgsign.core.authority;

/** The reasons {@link AuthorityCheck} gives, with their stable codes. */
final class Reasons {
    private Reasons() {
    }

    static Reason head(String position) {
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

    static Reason terminated(String name) {
        return new Reason("register.terminated", "The register records that " + name + " has ceased to exist.",
                "По данным реестра деятельность " + name + " прекращена.");
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
        return new Reason("signer.not-listed", "The signer is not among the persons the register lists as entitled to act "
                + "for the organization without a power of attorney (it lists " + register + ").",
                "Подписанта нет среди лиц, которые по данным реестра вправе действовать от имени организации без "
                        + "доверенности (в реестре: " + register + ").");
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
