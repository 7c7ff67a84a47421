package io.salesops.examples.sample;

import io.salesops.examples.sample.SampleRoster.Person;
import io.salesops.examples.sample.SampleRoster.Segment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulation of the sample company keeps: its stage names, accounts (with owner and customer history),
 * deals and each deal's stage events, the whole life of a deal drawn when it is created. Mutable records of one
 * generation; not thread-safe.
 */
final class SimulatedRecords {

    private SimulatedRecords() {
    }

    static final String[] OPEN_STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"};
    static final String WON = "Closed Won";
    static final String LOST = "Closed Lost";
    static final int PROPOSAL = 3;
    static final int NEGOTIATION = 4;

    static final class Acct {
        final String id;
        final String name;
        final String industry;
        final Segment segment;
        final String region;
        String owner;
        LocalDate customerSince;
        LocalDate busyUntil;

        Acct(String id, String name, String industry, Segment segment, String region, String owner) {
            this.id = id;
            this.name = name;
            this.industry = industry;
            this.segment = segment;
            this.region = region;
            this.owner = owner;
        }
    }

    record Event(LocalDate date, String stage, long amount, LocalDate closeDate) {
    }

    static final class Deal {
        final int seq;
        final Acct account;
        final Person creator;
        final LocalDate created;
        final String type;
        final String product;
        final String leadSource;
        final String sdr;
        final List<Event> events = new ArrayList<>();

        Deal(int seq, Acct account, Person creator, LocalDate created, String type, String product, String leadSource, String sdr) {
            this.seq = seq;
            this.account = account;
            this.creator = creator;
            this.created = created;
            this.type = type;
            this.product = product;
            this.leadSource = leadSource;
            this.sdr = sdr;
        }

        Event last() {
            return events.get(events.size() - 1);
        }

        boolean won() {
            return last().stage.equals(WON);
        }

        LocalDate closed() {
            return last().date;
        }
    }
}
