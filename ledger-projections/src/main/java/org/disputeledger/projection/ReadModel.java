package org.disputeledger.projection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read model: its stable name (which is also the name of its processing group and of its tokens) and the tables
 * it owns, by their names in {@link TableSet#A}. Its SQL is written with those names; {@link #sql} turns a statement
 * into the same statement over another table set.
 */
public final class ReadModel {

    private final String name;
    private final List<String> tables;
    private final Pattern tableNames;
    private final Map<String, String> inSetB = new ConcurrentHashMap<>();

    public ReadModel(String name, List<String> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("read model " + name + " owns no table");
        }
        this.name = name;
        this.tables = List.copyOf(tables);
        this.tableNames = Pattern.compile("\\b(" + String.join("|", this.tables) + ")\\b");
    }

    public String name() {
        return name;
    }

    /** The tables of the read model, by their names in table set A, parents before the tables that refer to them. */
    public List<String> tables() {
        return tables;
    }

    /** The statement {@code sql}, written over table set A, over the tables of {@code set}. */
    public String sql(TableSet set, String sql) {
        if (set == TableSet.A) {
            return sql;
        }
        return inSetB.computeIfAbsent(sql, statement -> {
            Matcher matcher = tableNames.matcher(statement);
            StringBuilder rewritten = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(rewritten, Matcher.quoteReplacement(TableSet.B.table(matcher.group(1))));
            }
            return matcher.appendTail(rewritten).toString();
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
