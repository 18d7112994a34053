package dev.orgsign.testcerts;

import org.bouncycastle.asn1.x500.X500Name;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Certification centres under the test PKI's root and the list of accredited centres that describes
 * them, made at test time relative to now: {@link Centre#ACCREDITED} (the FNS test CA, accredited
 * throughout), {@link Centre#ENDED} (accreditation ended {@link #ENDED_AGO} ago),
 * {@link Centre#SUSPENDED} (suspended from {@link #SUSPENDED_AGO} to {@link #RESTORED_AGO} ago, then
 * accredited again) and {@link Centre#UNKNOWN} (chains to the root but is not in the list). The list's
 * head centre holds the root; a GOST R 34.10-2012 key stands for the ministry's signer of the list.
 * A time-stamping authority whose certificate is valid long enough back for backdated timestamps
 * completes the set.
 */
public final class TrustListFixtures {
    /** The centres of the fixture. */
    public enum Centre {
        /** The FNS test CA, accredited throughout. */
        ACCREDITED,
        /** Accreditation ended {@link #ENDED_AGO} ago («Прекращена»). */
        ENDED,
        /** Suspended from {@link #SUSPENDED_AGO} to {@link #RESTORED_AGO} ago («Приостановлена»), accredited before and after. */
        SUSPENDED,
        /** Chains to the test root but is not in the list. */
        UNKNOWN
    }

    /** How long ago {@link Centre#ENDED}'s accreditation ended. */
    public static final Duration ENDED_AGO = Duration.ofDays(10);
    /** How long ago {@link Centre#SUSPENDED} was suspended. */
    public static final Duration SUSPENDED_AGO = Duration.ofDays(60);
    /** How long ago {@link Centre#SUSPENDED} was accredited again. */
    public static final Duration RESTORED_AGO = Duration.ofDays(40);

    private final TestPki pki;
    private final Instant now;
    private final Map<Centre, X509Certificate> cas = new EnumMap<>(Centre.class);
    private final Map<Centre, KeyPair> keys = new EnumMap<>(Centre.class);
    private final Credential listSigner;
    private final Credential tsa;
    private Map<Centre, String> addresses = Map.of();

    private static final class Holder {
        static final TrustListFixtures INSTANCE = new TrustListFixtures(TestPki.get(), Instant.now());
    }

    private TrustListFixtures(TestPki pki, Instant now) {
        this.pki = pki;
        this.now = now;
        cas.put(Centre.ACCREDITED, pki.fnsCa());
        keys.put(Centre.ACCREDITED, pki.fnsCaKeys());
        X500Name root = X500Name.getInstance(pki.rootCa().getSubjectX500Principal().getEncoded());
        String[][] names = {{"ENDED", "Тестовый УЦ с прекращённой аккредитацией", "1027700000031", "7700000029"},
                {"SUSPENDED", "Тестовый УЦ с приостановленной аккредитацией", "1027700000042", "7700000037"},
                {"UNKNOWN", "Тестовый УЦ вне перечня", "1027700000053", "7700000045"}};
        for (String[] n : names) {
            KeyPair k = CertificateFactoryBC.generate(KeyKind.EC_P256);
            cas.put(Centre.valueOf(n[0]), CertificateFactoryBC.caCertificate(QualifiedProfile.caName(n[1], n[2], n[3]), k, root,
                    pki.rootCaKeys(), pki.rootCa(), now.minus(Duration.ofDays(3 * 365)), now.plus(Duration.ofDays(10 * 365)), 0));
            keys.put(Centre.valueOf(n[0]), k);
        }
        KeyPair signerKeys = CertificateFactoryBC.generate(KeyKind.GOST_256);
        X500Name signerName = new X500Name("CN=Минцифры России (тестовый подписант перечня),O=orgsign test,C=RU");
        X509Certificate signerCert = CertificateFactoryBC.caCertificate(signerName, signerKeys, signerName, signerKeys, null,
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(5 * 365)), 0);
        listSigner = new Credential(signerKeys.getPrivate(), signerCert, List.of(signerCert));
        KeyPair tsaKeys = CertificateFactoryBC.generate(KeyKind.EC_P256);
        X509Certificate tsaCert = CertificateFactoryBC.tsaCertificate(new X500Name("CN=Тестовая служба штампов времени (архив),"
                + "O=orgsign test,C=RU"), tsaKeys.getPublic(), pki.fnsCa(), pki.fnsCaKeys(), now.minus(Duration.ofDays(400)),
                now.plus(Duration.ofDays(3 * 365)));
        tsa = new Credential(tsaKeys.getPrivate(), tsaCert, List.of(tsaCert, pki.fnsCa(), pki.rootCa()));
    }

    /** {@return the fixtures of this JVM, over {@link TestPki#get()}} */
    public static TrustListFixtures get() {
        return Holder.INSTANCE;
    }

    /** {@return the moment the fixtures' times are relative to} */
    public Instant now() {
        return now;
    }

    /** {@return the test PKI} */
    public TestPki pki() {
        return pki;
    }

    /** @param c a centre @return its CA certificate */
    public X509Certificate ca(Centre c) {
        return cas.get(c);
    }

    /**
     * Issues a qualified-profile certificate from a centre.
     *
     * @param c      the centre
     * @param person whom it names
     * @param kind   the key's kind
     * @param from   start of validity
     * @param to     end of validity
     * @return the key, the certificate and its chain up to the root
     */
    public Credential issue(Centre c, PersonData person, KeyKind kind, Instant from, Instant to) {
        return issue(c, person, kind, from, to, true);
    }

    /**
     * Issues a qualified-profile certificate from a centre, with or without a CRL distribution point.
     *
     * @param c      the centre
     * @param person whom it names
     * @param kind   the key's kind
     * @param from   start of validity
     * @param to     end of validity
     * @param crlUrl whether it names a CRL distribution point (without one, only the list says where the CRL is)
     * @return the key, the certificate and its chain up to the root
     */
    public Credential issue(Centre c, PersonData person, KeyKind kind, Instant from, Instant to, boolean crlUrl) {
        KeyPair k = CertificateFactoryBC.generate(kind);
        X509Certificate cert = CertificateFactoryBC.personCertificate(QualifiedProfile.subject(person), k.getPublic(), cas.get(c),
                keys.get(c), from, to, null, crlUrl ? "http://crl.orgsign.invalid/" + c.name().toLowerCase() + ".crl" : null);
        return new Credential(k.getPrivate(), cert, List.of(cert, cas.get(c), pki.rootCa()));
    }

    /** @param c a centre @return its current CRL, revoking nothing */
    public java.security.cert.X509CRL crl(Centre c) {
        return CertificateFactoryBC.crl(cas.get(c), keys.get(c), List.of(), Instant.now());
    }

    /** {@return the GOST R 34.10-2012 256 key and (self-signed) certificate that sign the list, as the operator names it} */
    public Credential listSigner() {
        return listSigner;
    }

    /** {@return a TSA credential of the FNS test CA valid from 400 days ago: for timestamps backdated with faketime} */
    public Credential archiveTsa() {
        return tsa;
    }

    /** {@return the list: the head centre with the test root, and the ACCREDITED, ENDED and SUSPENDED centres} */
    public AccreditedCentresList list() {
        return list(Map.of());
    }

    /**
     * The list with the CRL addresses of some centres' keys given (e.g. a test server's URL).
     *
     * @param crlAddresses a CRL address by centre; the others get an address that resolves nowhere
     * @return the list
     */
    public synchronized AccreditedCentresList list(Map<Centre, String> crlAddresses) {
        this.addresses = crlAddresses;
        Instant long0 = now.minus(Duration.ofDays(5 * 365));
        Instant start = now.minus(Duration.ofDays(3 * 365));
        String active = "Действует";
        AccreditedCentresList l = new AccreditedCentresList(42, now.minus(Duration.ofDays(1)));
        l.centre(new AccreditedCentresList.Centre("Министерство цифрового развития (тестовый головной УЦ)", "Тестовый головной УЦ",
                "1027700000009", "7700000003", "0", List.of(new AccreditedCentresList.Status(active, long0)),
                List.of(new AccreditedCentresList.Key(List.of(pki.rootCa()), List.of()))));
        l.centre(centre("Федеральная налоговая служба (тест)", "Тестовый УЦ ФНС России", "1047707030513", "7707329152", "1",
                List.of(new AccreditedCentresList.Status(active, start)), Centre.ACCREDITED));
        l.centre(centre("ООО «Прекращённый УЦ» (тест)", "Тестовый УЦ с прекращённой аккредитацией", "1027700000031", "7700000029",
                "2", List.of(new AccreditedCentresList.Status(active, start),
                        new AccreditedCentresList.Status("Прекращена", now.minus(ENDED_AGO))), Centre.ENDED));
        l.centre(centre("АО «Приостановленный УЦ» (тест)", "Тестовый УЦ с приостановленной аккредитацией", "1027700000042",
                "7700000037", "3", List.of(new AccreditedCentresList.Status(active, start),
                        new AccreditedCentresList.Status("Приостановлена", now.minus(SUSPENDED_AGO)),
                        new AccreditedCentresList.Status(active, now.minus(RESTORED_AGO))), Centre.SUSPENDED));
        return l;
    }

    private AccreditedCentresList.Centre centre(String name, String shortName, String ogrn, String inn, String number,
                                                List<AccreditedCentresList.Status> history, Centre c) {
        return new AccreditedCentresList.Centre(name, shortName, ogrn, inn, number, history,
                List.of(new AccreditedCentresList.Key(List.of(cas.get(c)),
                List.of(addresses.getOrDefault(c, "http://crl.orgsign.invalid/" + ogrn + ".crl")))));
    }

    /**
     * A list of {@code n} centres (the fixture's own and generated ones, each with two keys and a CA certificate per key, every
     * fifth no longer accredited): the size of the published list, for load measurements.
     *
     * @param n how many centres
     * @return the list
     */
    public AccreditedCentresList large(int n) {
        AccreditedCentresList l = list();
        X500Name root = X500Name.getInstance(pki.rootCa().getSubjectX500Principal().getEncoded());
        KeyPair shared = CertificateFactoryBC.generate(KeyKind.EC_P256); // key generation is not what is measured
        for (int i = 4; i < n; i++) {
            List<AccreditedCentresList.Key> ks = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                X509Certificate ca = CertificateFactoryBC.caCertificate(QualifiedProfile.caName("Генерированный УЦ " + i + "-" + k,
                        "1027700000009", "7700000003"), shared, root, pki.rootCaKeys(), pki.rootCa(),
                        now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(365)), 0);
                ks.add(new AccreditedCentresList.Key(List.of(ca), List.of("http://ca-" + i + ".test/" + k + ".crl")));
            }
            List<AccreditedCentresList.Status> h = new ArrayList<>();
            h.add(new AccreditedCentresList.Status("Действует", now.minus(Duration.ofDays(900))));
            if (i % 5 == 0) {
                h.add(new AccreditedCentresList.Status("Прекращена", now.minus(Duration.ofDays(100))));
            }
            l.centre(new AccreditedCentresList.Centre("Генерированный УЦ № " + i, "ГУЦ " + i, String.format("10277%08d", i),
                    String.format("77%08d", i), Integer.toString(100 + i), h, ks));
        }
        return l;
    }

    /**
     * Writes the list to a file.
     *
     * @param list   the list
     * @param file   where
     * @param signed whether to sign it with {@link #listSigner()}
     * @return the file
     */
    public Path write(AccreditedCentresList list, Path file, boolean signed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, signed ? list.signed(listSigner) : list.unsigned());
    }
}
