package io.salesops.core.crm;

import java.util.Locale;

/** {@link OpportunityTable#field(int, String)}: a row's field by name, exactly as {@link Opportunity#field(String)}. */
final class TableFields {

    private TableFields() {
    }

    static String field(OpportunityTable t, int row, String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "id":
                return t.id(row);
            case "name":
                return t.name(row);
            case "account":
            case "account_id":
                return t.accountId(row);
            case "owner":
            case "owner_id":
                return t.ownerId(row);
            case "stage":
                return t.stages[t.stage[row]];
            case "product":
                return t.product(row);
            case "type":
                return t.type(row);
            case "status":
                return t.status(row).name().toLowerCase(Locale.ROOT);
            case "forecast_category":
                ForecastCategory c = t.forecastCategory(row);
                return c == null ? null : c.label();
            case "amount":
                return io.salesops.core.money.Money.ofMinor(t.amount[row], t.currency(row)).amount().toPlainString();
            case "currency":
                return t.currency(row).getCurrencyCode();
            case "created_date":
                return java.time.LocalDate.ofEpochDay(t.created[row]).toString();
            case "close_date":
                return t.close[row] == OpportunityTable.NO_DATE ? null : java.time.LocalDate.ofEpochDay(t.close[row]).toString();
            default:
                return t.attribute(row, field);
        }
    }
}
