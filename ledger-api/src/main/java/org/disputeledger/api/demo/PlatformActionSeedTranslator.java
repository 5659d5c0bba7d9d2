package org.disputeledger.api.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.accountaction.command.ApplyLabel;
import org.disputeledger.accountaction.command.RestoreAccount;
import org.disputeledger.accountaction.command.SuspendAccount;
import org.disputeledger.accountaction.command.SuspendAccounts;
import org.disputeledger.accountaction.command.WithholdContent;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LinkRelation;
import org.springframework.stereotype.Component;

/**
 * Turns the seed's platform actions into commands on the platform's actions stream. Ids within the stream are
 * derived from the row, so a restoration names the suspension of the row it references.
 */
@Component
public class PlatformActionSeedTranslator implements SeedTranslator {

    static final String SUSPENSION = "suspension";
    static final String BATCH = "batch";
    static final String LABEL = "label";
    static final String WITHHOLDING = "withholding";

    /** The seed counts accounts per network in attributes named {@code network_*}. */
    private static final String NETWORK_PREFIX = "network_";

    @Override
    public Set<String> eventTypes() {
        return Set.of("AccountSuspended", "AccountRestored", "AccountsSuspended", "ChannelTerminated", "LabelApplied",
                "ContentWithheld");
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        return List.of(switch (row.eventType()) {
            case "AccountSuspended" -> suspension(row, context);
            case "AccountRestored" -> restoration(row, context);
            case "AccountsSuspended" -> batch(row, context, AccountAction.SUSPENDED, "accounts");
            case "ChannelTerminated" -> batch(row, context, AccountAction.TERMINATED,
                    row.attribute("channels").isPresent() ? "channels" : "outlets");
            case "LabelApplied" -> label(row, context);
            case "ContentWithheld" -> withholding(row, context);
            default -> throw new SeedRowRefused(row.id() + ": " + row.eventType() + " is not a platform action");
        });
    }

    private static SuspendAccount suspension(SeedRow row, SeedContext context) {
        String account = row.attribute("account")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no account in its account attribute"));
        AccountAction action = row.attribute("action").map(value -> action(row, value)).orElse(AccountAction.SUSPENDED);
        return new SuspendAccount(row.platform(), context.idFor(row.id(), SUSPENSION), account,
                row.attribute("holder").orElse(null), action, row.attribute("policy").orElse(null),
                context.envelope(row));
    }

    private static AccountAction action(SeedRow row, String value) {
        return switch (value) {
            case "suspended" -> AccountAction.SUSPENDED;
            case "terminated", "deleted" -> AccountAction.TERMINATED;
            case "restricted", "access_restricted" -> AccountAction.RESTRICTED;
            default -> throw new SeedRowRefused(row.id() + ": unknown account action " + value);
        };
    }

    private static RestoreAccount restoration(SeedRow row, SeedContext context) {
        String suspensionRow = row.onlyReference();
        SeedRow suspended = context.row(suspensionRow);
        if (!"AccountSuspended".equals(suspended.eventType())) {
            throw new SeedRowRefused(row.id() + " restores an account, but references " + suspensionRow + ", a "
                    + suspended.eventType() + " row rather than an AccountSuspended row");
        }
        if (!row.platform().equals(suspended.platform())) {
            throw new SeedRowRefused(row.id() + " restores an account on " + row.platform() + ", but " + suspensionRow
                    + " suspended it on " + suspended.platform());
        }
        return new RestoreAccount(row.platform(), context.idFor(suspensionRow, SUSPENSION),
                context.envelope(row, LinkRelation.REVERSES));
    }

    private static SuspendAccounts batch(SeedRow row, SeedContext context, AccountAction defaultAction,
                                         String accountsAttribute) {
        AccountAction action = row.attribute("action").map(value -> action(row, value)).orElse(defaultAction);
        return new SuspendAccounts(row.platform(), context.idFor(row.id(), BATCH), row.count(),
                names(row, accountsAttribute), networks(row), action, row.attribute("policy").orElse(null),
                context.envelope(row));
    }

    private static Map<String, Long> networks(SeedRow row) {
        Map<String, Long> networks = new TreeMap<>();
        row.attributes().forEach((key, value) -> {
            if (key.startsWith(NETWORK_PREFIX)) {
                if (!value.matches("\\d{1,18}")) {
                    throw new SeedRowRefused(row.id() + ": " + key + " must be a whole number of accounts, not "
                            + value);
                }
                networks.put(key, Long.parseLong(value));
            }
        });
        return networks;
    }

    private static ApplyLabel label(SeedRow row, SeedContext context) {
        String label = row.attribute("label")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no label in its label attribute"));
        boolean deamplified = row.attribute("deamplified").map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SeedRowRefused(row.id() + ": deamplified must be true or false, not " + value);
        }).orElse(false);
        String subjectsAttribute = row.attribute("subjects").isPresent() ? "subjects" : "outlets";
        return new ApplyLabel(row.platform(), context.idFor(row.id(), LABEL), label, names(row, subjectsAttribute),
                deamplified, context.envelope(row));
    }

    private static WithholdContent withholding(SeedRow row, SeedContext context) {
        if (row.summary() == null || row.summary().isBlank()) {
            throw new SeedRowRefused(row.id() + " has no summary to describe what was withheld");
        }
        return new WithholdContent(row.platform(), context.idFor(row.id(), WITHHOLDING), row.summary(),
                names(row, "features"), row.attribute("territory").orElse(null), context.envelope(row));
    }

    /** A comma-separated attribute such as {@code outlets=RT,Sputnik}; none when the attribute is absent. */
    private static List<String> names(SeedRow row, String attribute) {
        return row.attribute(attribute)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
