package dev.orgsign.core.registry;

import javax.xml.stream.XMLStreamReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.orgsign.core.registry.FnsExtractReader.attr;

/** What the reader gathers inside one {@code СвЮЛ}, element by element, where the schema puts it. */
final class LegalEntityParts {
    final String ogrn;
    private final LegalEntityRecord.Builder record;
    private final LocalDate extractDate;
    private LocalDate latestEntry;
    private int entries;
    private String inn;
    private String kpp;
    private String[] status;
    private LocalDate statusDate;
    private String[] termination;
    private String[] manager;
    private List<UnreliableMark> managerMarks;
    private String[] person;
    private List<Disqualification> disqualifications;
    private List<UnreliableMark> personMarks;
    private String[] mark;
    private LocalDate markDate;

    LegalEntityParts(XMLStreamReader r) {
        this.ogrn = attr(r, "ОГРН");
        this.record = LegalEntityRecord.builder(ogrn == null ? "" : ogrn)
                .legalForm(attr(r, "КодОПФ"), attr(r, "ПолнНаимОПФ"));
        this.inn = attr(r, "ИНН");
        this.kpp = attr(r, "КПП");
        this.extractDate = date(attr(r, "ДатаВып"));
    }

    void start(XMLStreamReader r, String name, String parent, String grandParent) {
        if (name.equals("ГРНДата") || name.equals("ГРНДатаПерв")) {
            LocalDate d = date(attr(r, "ДатаЗаписи"));
            latest(d);
            if (mark != null && parent.startsWith("СвНедДан")) {
                markDate = d;
            } else if (parent.equals("СвСтатус") && grandParent.equals("СвЮЛ")) {
                statusDate = d;
            }
            return;
        }
        switch (parent) {
            case "СвЮЛ" -> topLevel(r, name);
            case "СвНаимЮЛ" -> {
                if (name.equals("СвНаимЮЛСокр")) {
                    record.shortName(attr(r, "НаимСокр"));
                }
            }
            case "СвСтатус" -> {
                if (name.equals("СвСтатус") && grandParent.equals("СвЮЛ")) {
                    status = new String[] {attr(r, "КодСтатусЮЛ"), attr(r, "НаимСтатусЮЛ")};
                }
            }
            case "СвПрекрЮЛ" -> {
                if (name.equals("СпПрекрЮЛ") && termination != null) {
                    termination[1] = attr(r, "КодСпПрекрЮЛ");
                    termination[2] = attr(r, "НаимСпПрекрЮЛ");
                }
            }
            case "СвУпрОрг" -> {
                if (manager == null) {
                    return;
                }
                if (name.equals("НаимИННЮЛ")) {
                    manager[0] = attr(r, "ОГРН");
                    manager[1] = attr(r, "ИНН");
                    manager[2] = attr(r, "НаимЮЛПолн");
                } else if (name.equals("СвНедДанУпрОрг")) {
                    mark = new String[] {attr(r, "ПризнНедДанУпрОрг"), attr(r, "ТекстНедДанУпрОрг")};
                    markDate = null;
                }
            }
            case "СведДолжнФЛ" -> {
                if (person != null) {
                    personPart(r, name);
                }
            }
            default -> { }
        }
    }

    private void topLevel(XMLStreamReader r, String name) {
        switch (name) {
            case "СвНаимЮЛ" -> {
                record.fullName(attr(r, "НаимЮЛПолн"));
                String shortName = attr(r, "НаимЮЛСокр"); // the schema's attribute; open data uses СвНаимЮЛСокр
                if (shortName != null) {
                    record.shortName(shortName);
                }
            }
            case "СвУчетНО" -> {
                inn = inn != null ? inn : attr(r, "ИНН");
                kpp = kpp != null ? kpp : attr(r, "КПП");
            }
            case "СвПрекрЮЛ" -> termination = new String[] {attr(r, "ДатаПрекрЮЛ"), null, null};
            case "СвУпрОрг" -> {
                manager = new String[3];
                managerMarks = new ArrayList<>(1);
            }
            case "СведДолжнФЛ" -> {
                person = new String[5];
                disqualifications = new ArrayList<>(0);
                personMarks = new ArrayList<>(0);
            }
            case "СвЗапЕГРЮЛ" -> {
                entries++;
                latest(date(attr(r, "ДатаЗап")));
            }
            default -> { }
        }
    }

    private void personPart(XMLStreamReader r, String name) {
        switch (name) {
            case "СвФЛ" -> {
                person[0] = attr(r, "Фамилия");
                person[1] = attr(r, "Имя");
                person[2] = attr(r, "Отчество");
                person[3] = attr(r, "ИННФЛ");
            }
            case "СвДолжн" -> person[4] = attr(r, "НаимДолжн");
            case "СвНедДанДолжнФЛ" -> {
                mark = new String[] {attr(r, "ПризнНедДанДолжнФЛ"), attr(r, "ТекстНедДанДолжнФЛ")};
                markDate = null;
            }
            case "СвДискв" -> disqualifications.add(new Disqualification(date(attr(r, "ДатаНачДискв")),
                    date(attr(r, "ДатаОкончДискв")), date(attr(r, "ДатаРеш"))));
            default -> { }
        }
    }

    void end(String name, String parent) {
        switch (name) {
            case "СвСтатус" -> {
                if (parent.equals("СвЮЛ") && status != null) {
                    record.status(new RegisterStatus(status[0], status[1], statusDate));
                    status = null;
                    statusDate = null;
                }
            }
            case "СвПрекрЮЛ" -> {
                if (parent.equals("СвЮЛ") && termination != null) {
                    record.termination(new Termination(date(termination[0]), termination[1], termination[2]));
                }
            }
            case "СвНедДанДолжнФЛ" -> {
                if (person != null && mark != null) {
                    personMarks.add(new UnreliableMark(mark[0], mark[1], markDate));
                }
                mark = null;
            }
            case "СвНедДанУпрОрг" -> {
                if (manager != null && mark != null) {
                    managerMarks.add(new UnreliableMark(mark[0], mark[1], markDate));
                }
                mark = null;
            }
            case "СвУпрОрг" -> {
                if (parent.equals("СвЮЛ") && manager != null) {
                    record.manager(new ManagingOrganization(manager[0], manager[1], manager[2], managerMarks));
                    manager = null;
                }
            }
            case "СведДолжнФЛ" -> {
                if (parent.equals("СвЮЛ") && person != null) {
                    record.head(new AuthorizedPerson(person[0], person[1], person[2], person[3], person[4],
                            disqualifications, personMarks));
                    person = null;
                }
            }
            default -> { }
        }
    }

    private void latest(LocalDate d) {
        if (d != null && (latestEntry == null || d.isAfter(latestEntry))) {
            latestEntry = d;
        }
    }

    LegalEntityRecord build() {
        return record.inn(inn).kpp(kpp).version(new RecordVersion(extractDate, latestEntry, entries)).build();
    }

    /** An ISO date as the FNS writes it (yyyy-MM-dd), or null when missing or malformed. */
    static LocalDate date(String s) {
        if (s == null || s.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
