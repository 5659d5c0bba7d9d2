package org.disputeledger.api.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples read from the text that {@code /actuator/prometheus} serves. */
public final class PrometheusSamples {

    private PrometheusSamples() {
    }

    /** The value of the first sample of a metric whose labels contain every given label; 0 when there is none. */
    public static double value(String text, String metric, String... labels) {
        return find(text, metric, labels).orElse(0.0);
    }

    public static Optional<Double> find(String text, String metric, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{.*})? (\\S+)$").matcher(text);
        while (sample.find()) {
            String found = sample.group(1) == null ? "" : sample.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Optional.of(Double.parseDouble(sample.group(2)));
            }
        }
        return Optional.empty();
    }
}
