package io.salesops.examples.sample;

import io.salesops.core.org.Team;
import io.salesops.core.org.Territory;
import io.salesops.examples.sample.SampleCompany.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the sample company is: its segments (deal sizes, cycles, capacity), its people (AEs with skill and activity,
 * SDRs, leaders, joiners and leavers with successors), teams and territories, and the words its account names are
 * made of. Fixed data, the same for every seed. Stateless.
 */
final class SampleRoster {

    private SampleRoster() {
    }

    enum Segment {
        SMB("SMB", 9.5, 11_000, 35, 1.05, 74_000, 1.25, 1.20),
        MID_MARKET("Mid-Market", 7.5, 36_000, 70, 1.0, 325_000, 1.40, 1.55),
        ENTERPRISE("Enterprise", 3.2, 130_000, 120, 0.9, 385_000, 1.45, 1.65);

        final String label;
        final double oppsPerMonth;
        final double medianAmount;
        final double cycleDays;
        final double winOdds;
        /** A fully ramped rep's quarterly quota in the 2024 plan. */
        final long quarterlyCapacity;
        /** The 2025 and 2026 plans relative to 2024: renewals of Mid-Market and Enterprise deals compound. */
        final double plan2025;
        final double plan2026;

        Segment(String label, double oppsPerMonth, double medianAmount, double cycleDays, double winOdds,
                long quarterlyCapacity, double plan2025, double plan2026) {
            this.label = label;
            this.oppsPerMonth = oppsPerMonth;
            this.medianAmount = medianAmount;
            this.cycleDays = cycleDays;
            this.winOdds = winOdds;
            this.quarterlyCapacity = quarterlyCapacity;
            this.plan2025 = plan2025;
            this.plan2026 = plan2026;
        }
    }

    /** One person; {@code skill} scales win odds, {@code activity} the rate of new opportunities. */
    record Person(String id, String name, Role role, String manager, String team, String territory, String region,
                  Segment segment, LocalDate start, LocalDate end, double skill, double activity, String successor) {
        boolean activeOn(LocalDate d) {
            return !d.isBefore(start) && (end == null || !d.isAfter(end));
        }
    }

    static final String[] INDUSTRIES = {"Software", "Financial Services", "Healthcare", "Manufacturing",
        "Retail", "Media", "Logistics", "Education", "Energy", "Telecommunications", "Public Sector", "Professional Services"};
    static final String[] PREFIXES = {"Acme", "Apex", "Atlas", "Aurora", "Beacon", "Birch", "Blue Harbor",
        "Bright", "Cascade", "Cedar", "Cobalt", "Condor", "Crescent", "Crystal", "Delta", "Eagle", "Ember", "Evergreen",
        "Falcon", "Fjord", "Frontier", "Garnet", "Granite", "Harbor", "Helix", "Horizon", "Iron", "Juniper", "Keystone",
        "Lakeside", "Lumen", "Maple", "Meridian", "Mosaic", "Nimbus", "Northwind", "Oak", "Onyx", "Orbit", "Pacific",
        "Pinnacle", "Polar", "Prairie", "Quantum", "Redwood", "Ridge", "River", "Sapphire", "Sierra", "Silver", "Sterling",
        "Summit", "Tidal", "Titan", "Trident", "Union", "Vector", "Vertex", "Willow", "Zenith"};
    static final String[] SUFFIXES = {"Analytics", "Bank", "Bio", "Brands", "Capital", "Care", "Chemicals",
        "Cloud", "Consulting", "Data", "Devices", "Digital", "Energy", "Foods", "Freight", "Games", "Group", "Health",
        "Holdings", "Industries", "Insurance", "Labs", "Learning", "Logistics", "Machines", "Media", "Medical", "Motors",
        "Networks", "Outfitters", "Partners", "Pharma", "Robotics", "Security", "Software", "Solutions", "Systems",
        "Telecom", "Travel", "Ventures"};

    static List<Team> teams() {
        return List.of(new Team("leadership", "Sales Leadership", "dwhitfield"),
                new Team("amer-east", "AMER East", "mreyes"),
                new Team("amer-west", "AMER West", "tnguyen"),
                new Team("emea", "EMEA", "shartmann"),
                new Team("apac", "APAC", "kwatanabe"),
                new Team("amer-sdr", "AMER SDRs", "mreyes"),
                new Team("emea-sdr", "EMEA SDRs", "shartmann"),
                new Team("apac-sdr", "APAC SDRs", "kwatanabe"));
    }

    static List<Territory> territories() {
        return List.of(new Territory("GLOBAL", "Global", null),
                new Territory("AMER", "Americas", "GLOBAL"),
                new Territory("EMEA", "Europe, Middle East and Africa", "GLOBAL"),
                new Territory("APAC", "Asia Pacific", "GLOBAL"),
                new Territory("US-EAST", "US East", "AMER"),
                new Territory("US-CENTRAL", "US Central", "AMER"),
                new Territory("US-WEST", "US West", "AMER"),
                new Territory("CANADA", "Canada", "AMER"),
                new Territory("UKI", "UK and Ireland", "EMEA"),
                new Territory("DACH", "Germany, Austria, Switzerland", "EMEA"),
                new Territory("FRANCE", "France", "EMEA"),
                new Territory("NORDICS", "Nordics", "EMEA"),
                new Territory("ANZ", "Australia and New Zealand", "APAC"),
                new Territory("JAPAN", "Japan", "APAC"),
                new Territory("SEA", "Southeast Asia", "APAC"));
    }

    static List<Person> people() {
        List<Person> p = new ArrayList<>();
        p.add(leader("dwhitfield", "Dana Whitfield", Role.VP, null, "leadership", "GLOBAL", "GLOBAL", "2020-02-03"));
        p.add(leader("mreyes", "Maria Reyes", Role.DIRECTOR, "dwhitfield", "amer-east", "AMER", "AMER", "2021-03-01"));
        p.add(leader("tnguyen", "Thomas Nguyen", Role.DIRECTOR, "dwhitfield", "amer-west", "AMER", "AMER", "2021-07-12"));
        p.add(leader("shartmann", "Sophie Hartmann", Role.DIRECTOR, "dwhitfield", "emea", "EMEA", "EMEA", "2021-10-04"));
        p.add(leader("kwatanabe", "Kenji Watanabe", Role.DIRECTOR, "dwhitfield", "apac", "APAC", "APAC", "2022-01-10"));
        Segment smb = Segment.SMB;
        Segment mm = Segment.MID_MARKET;
        Segment ent = Segment.ENTERPRISE;
        // AMER East
        p.add(ae("jcarter", "James Carter", "mreyes", "amer-east", "US-EAST", "AMER", ent, "2021-06-07", null, 1.20, 1.05, null));
        p.add(ae("pshah", "Priya Shah", "mreyes", "amer-east", "US-EAST", "AMER", mm, "2022-01-10", null, 1.05, 1.10, null));
        p.add(ae("bolsen", "Ben Olsen", "mreyes", "amer-east", "US-EAST", "AMER", mm, "2022-09-12", null, 0.90, 0.95, null));
        p.add(ae("lmorales", "Lucia Morales", "mreyes", "amer-east", "US-EAST", "AMER", smb, "2023-02-06", null, 1.10, 1.0, null));
        p.add(ae("dkim", "Daniel Kim", "mreyes", "amer-east", "CANADA", "AMER", mm, "2022-04-04", null, 0.95, 1.0, null));
        p.add(ae("achen", "Amy Chen", "mreyes", "amer-east", "US-EAST", "AMER", smb, "2023-08-14", null, 1.0, 1.05, null));
        p.add(ae("rwalsh", "Ryan Walsh", "mreyes", "amer-east", "US-EAST", "AMER", ent, "2020-11-02", "2025-03-14", 0.85, 0.9, "ebrooks"));
        p.add(ae("ebrooks", "Emma Brooks", "mreyes", "amer-east", "US-EAST", "AMER", ent, "2025-03-17", null, 1.05, 1.0, null));
        p.add(ae("mdubois", "Marc Dubois", "mreyes", "amer-east", "CANADA", "AMER", smb, "2023-05-01", null, 0.80, 0.9, null));
        // AMER West
        p.add(ae("swilliams", "Sarah Williams", "tnguyen", "amer-west", "US-WEST", "AMER", ent, "2021-01-11", null, 1.15, 1.0, null));
        p.add(ae("cortiz", "Carlos Ortiz", "tnguyen", "amer-west", "US-WEST", "AMER", mm, "2022-03-07", null, 1.0, 1.05, null));
        p.add(ae("hpatel", "Hannah Patel", "tnguyen", "amer-west", "US-WEST", "AMER", smb, "2022-11-14", null, 0.95, 1.1, null));
        p.add(ae("jlee", "Jason Lee", "tnguyen", "amer-west", "US-CENTRAL", "AMER", mm, "2021-08-02", null, 1.10, 0.95, null));
        p.add(ae("kmurphy", "Kelly Murphy", "tnguyen", "amer-west", "US-CENTRAL", "AMER", smb, "2023-03-13", null, 0.85, 1.0, null));
        p.add(ae("tbaker", "Tom Baker", "tnguyen", "amer-west", "US-CENTRAL", "AMER", ent, "2022-06-06", null, 0.95, 1.0, null));
        p.add(ae("nali", "Nadia Ali", "tnguyen", "amer-west", "US-WEST", "AMER", mm, "2025-07-07", null, 1.0, 1.0, null));
        p.add(ae("gfoster", "Grace Foster", "tnguyen", "amer-west", "US-CENTRAL", "AMER", smb, "2026-01-05", null, 1.05, 1.0, null));
        // EMEA
        p.add(ae("olehmann", "Oliver Lehmann", "shartmann", "emea", "DACH", "EMEA", ent, "2021-04-01", null, 1.10, 1.0, null));
        p.add(ae("cmartin", "Chloe Martin", "shartmann", "emea", "FRANCE", "EMEA", mm, "2022-02-01", null, 1.0, 1.0, null));
        p.add(ae("jobrien", "Jack O'Brien", "shartmann", "emea", "UKI", "EMEA", mm, "2022-10-03", null, 0.95, 1.05, null));
        p.add(ae("aevans", "Alice Evans", "shartmann", "emea", "UKI", "EMEA", smb, "2023-01-09", null, 1.05, 1.0, null));
        p.add(ae("lnilsson", "Lars Nilsson", "shartmann", "emea", "NORDICS", "EMEA", mm, "2021-09-06", "2024-11-29", 0.90, 0.9, "ijohansson"));
        p.add(ae("ijohansson", "Ingrid Johansson", "shartmann", "emea", "NORDICS", "EMEA", mm, "2024-12-02", null, 1.0, 1.0, null));
        p.add(ae("fweber", "Felix Weber", "shartmann", "emea", "DACH", "EMEA", smb, "2023-06-05", null, 0.85, 0.95, null));
        p.add(ae("rbianchi", "Rosa Bianchi", "shartmann", "emea", "UKI", "EMEA", ent, "2025-10-06", null, 1.10, 1.0, null));
        // APAC
        p.add(ae("ataylor", "Adam Taylor", "kwatanabe", "apac", "ANZ", "APAC", ent, "2021-05-03", null, 1.0, 1.0, null));
        p.add(ae("ysato", "Yuki Sato", "kwatanabe", "apac", "JAPAN", "APAC", mm, "2022-07-04", null, 1.15, 0.95, null));
        p.add(ae("mtan", "Michelle Tan", "kwatanabe", "apac", "SEA", "APAC", mm, "2022-12-05", null, 0.90, 1.05, null));
        p.add(ae("lwilson", "Liam Wilson", "kwatanabe", "apac", "ANZ", "APAC", smb, "2023-04-03", null, 1.0, 1.0, null));
        p.add(ae("hyamamoto", "Hiro Yamamoto", "kwatanabe", "apac", "JAPAN", "APAC", smb, "2024-09-02", null, 0.95, 1.0, null));
        // SDRs
        p.add(sdr("zgreen", "Zoe Green", "mreyes", "amer-sdr", "US-EAST", "AMER", "2023-01-09"));
        p.add(sdr("mhill", "Mason Hill", "tnguyen", "amer-sdr", "US-WEST", "AMER", "2023-03-06"));
        p.add(sdr("erivera", "Ethan Rivera", "tnguyen", "amer-sdr", "US-CENTRAL", "AMER", "2023-07-10"));
        p.add(sdr("ocampbell", "Olivia Campbell", "mreyes", "amer-sdr", "CANADA", "AMER", "2024-06-03"));
        p.add(sdr("nmuller", "Noah Muller", "shartmann", "emea-sdr", "DACH", "EMEA", "2023-02-13"));
        p.add(sdr("ssilva", "Sofia Silva", "shartmann", "emea-sdr", "UKI", "EMEA", "2024-02-05"));
        p.add(sdr("wlim", "Wei Lim", "kwatanabe", "apac-sdr", "SEA", "APAC", "2023-05-08"));
        p.add(sdr("tclarke", "Tara Clarke", "kwatanabe", "apac-sdr", "ANZ", "APAC", "2024-10-07"));
        return List.copyOf(p);
    }

    private static Person leader(String id, String name, Role role, String manager, String team, String territory,
                                 String region, String start) {
        return new Person(id, name, role, manager, team, territory, region, null, LocalDate.parse(start), null, 1, 0, null);
    }

    private static Person ae(String id, String name, String manager, String team, String territory, String region,
                             Segment segment, String start, String end, double skill, double activity, String successor) {
        return new Person(id, name, Role.AE, manager, team, territory, region, segment, LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), skill, activity, successor);
    }

    private static Person sdr(String id, String name, String manager, String team, String territory, String region, String start) {
        return new Person(id, name, Role.SDR, manager, team, territory, region, null, LocalDate.parse(start), null, 1, 0, null);
    }
}
