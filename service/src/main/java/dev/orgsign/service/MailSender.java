package dev.orgsign.service;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Drains the {@link Outbox} to an SMTP server (Jakarta Mail, Eclipse Angus). A failed send is
 * retried after 1, 2, 4 … seconds, at most a minute apart, for as long as it takes.
 */
final class MailSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final long MAX_BACKOFF_MS = 60_000;

    private final Outbox outbox;
    private final Session session;
    private final String from;
    private final Clock clock;
    private final String owner = "mail-" + UUID.randomUUID();
    private volatile boolean running = true;

    MailSender(Outbox outbox, String host, int port, String from, Clock clock) {
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "10000");
        p.setProperty("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(p);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            int sent = 0;
            try {
                long now = clock.millis();
                List<Outbox.Queued> due = outbox.claim(owner, 20, now, now + 60_000);
                for (Outbox.Queued q : due) {
                    if (!running) {
                        break;
                    }
                    send(q);
                    sent++;
                }
            } catch (java.sql.SQLException e) {
                LOG.warn("The outbox cannot be read: {}", Database.rootMessage(e));
            }
            if (sent == 0) {
                sleep(200);
            }
        }
    }

    private void send(Outbox.Queued q) throws java.sql.SQLException {
        try {
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + q.mail().submissionId() + "@orgsign>");
                }
            };
            m.setFrom(new InternetAddress(from));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(q.mail().recipient(), true));
            m.setSubject(q.mail().subject(), "UTF-8");
            m.setText(q.mail().body(), "UTF-8");
            Transport.send(m);
            outbox.sent(q.id(), clock.millis());
        } catch (jakarta.mail.internet.AddressException e) {
            LOG.warn("Mail for submission {} cannot be addressed and is given up: {}", q.mail().submissionId(), e.getMessage());
            outbox.gaveUp(q.id(), "Invalid address: " + e.getMessage(), clock.millis());
        } catch (jakarta.mail.SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    && (e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0)
                    && (e.getValidUnsentAddresses() == null || e.getValidUnsentAddresses().length == 0)) {
                LOG.warn("The mail server refuses the address of submission {}; the notification is given up",
                        q.mail().submissionId());
                outbox.gaveUp(q.id(), "Address refused by the mail server: " + Database.rootMessage(e), clock.millis());
            } else {
                retry(q, e);
            }
        } catch (MessagingException | RuntimeException e) {
            retry(q, e);
        }
    }

    private void retry(Outbox.Queued q, Exception e) throws java.sql.SQLException {
        long backoff = Math.min(MAX_BACKOFF_MS, 1000L << Math.min(q.attempts(), 16));
        LOG.info("Mail for submission {} not sent yet (attempt {}): {}", q.mail().submissionId(), q.attempts() + 1,
                Database.rootMessage(e));
        outbox.failed(q.id(), Database.rootMessage(e), clock.millis() + backoff);
    }

    private void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
