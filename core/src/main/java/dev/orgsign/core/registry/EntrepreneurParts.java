package dev.orgsign.core.registry;

import javax.xml.stream.XMLStreamReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.orgsign.core.registry.FnsExtractReader.attr;
import static dev.orgsign.core.registry.LegalEntityParts.date;

/** What the reader gathers inside one {@code СвИП}, element by element, where the schema puts it. */
final class EntrepreneurParts {
    final String ogrnip;
    private String inn;
    private final String kind;
    private final LocalDate extractDate;
    private LocalDate latestEntry;
    private int entries;
    private String surname;
    private String firstName;
    private String patronymic;
    private boolean ceasing;
    private Termination termination;
    private String[] status;
    private LocalDate statusDate;
    private final List<RegisterStatus> statuses = new ArrayList<>(0);

    EntrepreneurParts(XMLStreamReader r) {
        this.ogrnip = attr(r, "ОГРНИП");
        this.inn = attr(r, "ИННФЛ");
        this.kind = attr(r, "КодВидИП");
        this.extractDate = date(attr(r, "ДатаВып"));
    }

    void start(XMLStreamReader r, String name, String parent, String grandParent) {
        if (name.equals("ГРНИПДата")) {
            LocalDate d = date(attr(r, "ДатаЗаписи"));
            latest(d);
            if (parent.equals("СвСтатус") && grandParent.equals("СвИП")) {
                statusDate = d;
            }
            return;
        }
        switch (parent) {
            case "СвИП" -> {
                switch (name) {
                    case "СвПрекращ" -> ceasing = true;
                    case "СвУчетНО" -> inn = inn != null ? inn : attr(r, "ИННФЛ");
                    case "СвЗапЕГРИП" -> {
                        entries++;
                        latest(date(attr(r, "ДатаЗап")));
                    }
                    default -> { }
                }
            }
            case "СвФЛ" -> {
                if (name.equals("ФИОРус") && grandParent.equals("СвИП")) {
                    surname = attr(r, "Фамилия");
                    firstName = attr(r, "Имя");
                    patronymic = attr(r, "Отчество");
                }
            }
            case "СвПрекращ" -> {
                if (name.equals("СвСтатус") && ceasing) {
                    termination = new Termination(date(attr(r, "ДатаПрекращ")), attr(r, "КодСтатус"), attr(r, "НаимСтатус"));
                }
            }
            case "СвСтатус" -> {
                if (name.equals("СвСтатус") && grandParent.equals("СвИП")) {
                    status = new String[] {attr(r, "КодСтатус"), attr(r, "НаимСтатус")};
                }
            }
            default -> { }
        }
    }

    void end(String name, String parent) {
        if (!parent.equals("СвИП")) {
            return;
        }
        if (name.equals("СвПрекращ") && termination == null) {
            termination = new Termination(null, null, null); // ceased, whatever the extract left out
        } else if (name.equals("СвСтатус") && status != null) {
            statuses.add(new RegisterStatus(status[0], status[1], statusDate));
            status = null;
            statusDate = null;
        }
    }

    private void latest(LocalDate d) {
        if (d != null && (latestEntry == null || d.isAfter(latestEntry))) {
            latestEntry = d;
        }
    }

    EntrepreneurRecord build() {
        return new EntrepreneurRecord(ogrnip, inn, surname, firstName, patronymic, kind,
                new RecordVersion(extractDate, latestEntry, entries), termination, statuses, false);
    }
}
