package io.salesops.server.internal;

import java.util.List;
import java.util.Map;

/** The JSON request bodies of the endpoints. Unknown fields are rejected (see {@link Json}). */
public final class Requests {

    private Requests() {
    }

    /**
     * {@code POST /v1/regression}.
     *
     * @param data      columns by name, each an array of numbers of the same length
     * @param y         the response column
     * @param x         regressor columns
     * @param poly      polynomial terms {@code COL:DEGREE}
     * @param weights   a column of positive weights, or null
     * @param intercept whether to fit an intercept (default true)
     * @param level     confidence level of the coefficient intervals (default 0.95)
     */
    public record Regression(Map<String, List<Double>> data, String y, List<String> x, List<String> poly,
                             String weights, Boolean intercept, Double level) {
    }

    /**
     * {@code POST /v1/forecast/trend}.
     *
     * @param series  the series, each with its periods and values
     * @param horizon steps to forecast (default: 2 seasons, as the CLI)
     * @param method  auto, combo, ets, theta, regression, damped, ses, holt, naive, snaive (default auto)
     * @param levels  prediction interval levels in percent (default 80, 95)
     */
    public record Trend(List<TrendSeries> series, Integer horizon, String method, List<Double> levels) {
    }

    /**
     * One series of a trend request.
     *
     * @param name      the series name
     * @param frequency 1, 4 or 12; detected from the periods when absent
     * @param periods   period labels such as {@code 2024-01}, {@code 2024-Q1}, {@code 2024} or ISO dates
     * @param values    one value per period
     */
    public record TrendSeries(String name, Integer frequency, List<String> periods, List<Double> values) {
    }

    /**
     * The fields of one opportunity of a request, as the records below hold them once bound, or as a streaming read
     * gives them record by record; a missing field is null.
     */
    public interface OpportunityFields {
        /** @return the opportunity's id */
        String id();

        /** @return its name */
        String name();

        /** @return its account */
        String account();

        /** @return its owner's rep id */
        String owner();

        /** @return its stage */
        String stage();

        /** @return its amount: a decimal string, or a number as {@code Integer}, {@code Long}, {@code BigInteger} or {@code BigDecimal} */
        Object amount();

        /** @return its currency code */
        String currency();

        /** @return its created date, {@code yyyy-mm-dd} */
        String createdDate();

        /** @return its close date, {@code yyyy-mm-dd} */
        String closeDate();

        /** @return open, won or lost */
        String status();

        /** @return its forecast category */
        String forecastCategory();

        /** @return its product */
        String product();

        /** @return its deal type */
        String type();

        /** @return its free-form attributes */
        Map<String, String> attributes();

        /** @return its stage history */
        List<HistoryEntry> history();
    }

    /**
     * One opportunity, with the CSV export's fields in camelCase.
     *
     * @param amount a decimal string or a JSON number (read exactly, never as a double)
     * @param status open, won or lost (default open)
     */
    public record Opportunity(String id, String name, String account, String owner, String stage, Object amount,
                              String currency, String createdDate, String closeDate, String status,
                              String forecastCategory, String product, String type, Map<String, String> attributes,
                              List<HistoryEntry> history) implements OpportunityFields {
    }

    /** One stage change of an opportunity's history; amount and closeDate may be absent. */
    public record HistoryEntry(String date, String stage, Object amount, String closeDate) {
    }

    /** One rep of the org chart, as the org CSV's columns. */
    public record OrgRep(String rep, String name, String manager, String team, String territory, String startDate,
                         String endDate) {
    }

    /** One quota: a rep, a period such as {@code 2026-Q3}, an amount and its currency (default USD). */
    public record QuotaEntry(String rep, String period, Object amount, String currency) {
    }

    /** One stage of a custom stage model: probability in percent, category and outcome as the stages CSV. */
    public record StageEntry(String stage, Object probability, String forecastCategory, String outcome) {
    }

    /**
     * {@code POST /v1/forecast/pipeline}, as {@code salesops forecast pipeline}.
     *
     * @param simulations Monte Carlo simulations for P10/P50/P90 (default 0: none)
     * @param seed        the simulation seed (default 42)
     */
    public record Pipeline(List<Opportunity> opportunities, String asOf, String period, String by, Boolean learned,
                           String segment, String timing, Boolean noNewBusiness, Integer simulations, Long seed,
                           List<OrgRep> org, List<QuotaEntry> quotas, List<StageEntry> stages, String method)
            implements WithOpportunities {
    }

    /** {@code POST /v1/kpi}, as {@code salesops kpi}. */
    public record Kpi(List<Opportunity> opportunities, String from, String to, String by, List<OrgRep> org,
                      List<StageEntry> stages) implements WithOpportunities {
    }

    /**
     * {@code POST /v1/forecast/backtest}, as {@code salesops forecast backtest}; by defaults to owner, method to
     * auto (stage_weighted with fixed).
     */
    public record Backtest(List<Opportunity> opportunities, String from, String to, String by, Boolean fixed,
                           String method, List<StageEntry> stages) implements WithOpportunities {
    }

    /** A request carrying an {@code opportunities} array, which the server streams into a table. */
    public interface WithOpportunities {
        /** @return the opportunity records, or null if the body had none */
        List<Opportunity> opportunities();
    }

    /**
     * A commission plan, either as a JSON object in the plan-file format or as the text of a YAML plan file;
     * exactly one of the two.
     */
    public record CompValidate(com.fasterxml.jackson.databind.JsonNode plan, String planYaml) {
    }

    /** One credit, with the credits CSV's fields in camelCase; splits give each payee's share in percent. */
    public record CreditEntry(String id, String payee, String date, Object amount, String currency, String type,
                              String product, String dealId, String status, List<SplitEntry> splits,
                              Map<String, String> attributes) {
    }

    /** One split of a credit: a payee and a share in percent (e.g. 50). */
    public record SplitEntry(String payee, Object share) {
    }

    /** One exchange rate: 1 {@code from} = rate {@code to}, from the effective date on. */
    public record FxEntry(String from, String to, Object rate, String effectiveDate) {
    }

    /** One payment a customer made against a deal (a collections file row): deal id, date, amount, currency. */
    public record CollectionEntry(String dealId, String date, Object amount, String currency) {
    }

    /**
     * {@code POST /v1/comp/calculate}, as {@code salesops comp calculate}.
     *
     * @param state       the payee states carried from the previous period (as the response's {@code state}), or null
     * @param collections what customers paid against deals, every payment to date, or null (as {@code --collections})
     */
    public record CompCalculate(com.fasterxml.jackson.databind.JsonNode plan, String planYaml, String period,
                                List<CreditEntry> credits, List<OrgRep> org, List<QuotaEntry> quotas,
                                List<FxEntry> fx, com.fasterxml.jackson.databind.JsonNode state, List<String> allowGap,
                                List<CollectionEntry> collections) {
    }

    /** The hypothetical deal of a what-if: amount (in the plan currency unless given), type, product, date. */
    public record Deal(Object amount, String currency, String type, String product, String date) {
    }

    /** {@code POST /v1/comp/whatif}, as {@code salesops comp whatif}: the calculate inputs, a payee and a deal. */
    public record CompWhatIf(com.fasterxml.jackson.databind.JsonNode plan, String planYaml, String period,
                             List<CreditEntry> credits, List<OrgRep> org, List<QuotaEntry> quotas,
                             List<FxEntry> fx, com.fasterxml.jackson.databind.JsonNode state, List<String> allowGap,
                             String payee, Deal deal, List<CollectionEntry> collections) {
    }
}
