package io.salesops.io;

import java.util.List;

/**
 * A logical field a reader knows, and whether its column must be in the header.
 *
 * @param name     the field name, lower case, e.g. {@code created_date}
 * @param required true if the header must have the column
 */
record Field(String name, boolean required) {

    static Field required(String name) {
        return new Field(name, true);
    }

    static Field optional(String name) {
        return new Field(name, false);
    }

    static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }
}
