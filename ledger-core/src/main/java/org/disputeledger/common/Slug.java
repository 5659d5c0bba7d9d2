package org.disputeledger.common;

/** Stable, URL-safe identifiers of platforms, services, legal entities and jurisdictions. */
public final class Slug {

    private Slug() {
    }

    /** A lower-case hyphenated identifier such as {@code twitter} or {@code google-llc}. */
    public static String require(String value, String field) {
        InvalidValueException.requireText(value, field);
        if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*") || value.length() > 100) {
            throw new InvalidValueException(field, "slug",
                    field + " must be a lower-case hyphenated identifier such as twitter or google-llc");
        }
        return value;
    }

    /** An ISO 3166-1 alpha-2 country code, or EU. */
    public static String jurisdiction(String value, String field) {
        InvalidValueException.requireText(value, field);
        if (!value.matches("[A-Z]{2}")
                || !(value.equals("EU") || java.util.Arrays.asList(java.util.Locale.getISOCountries()).contains(value))) {
            throw new InvalidValueException(field, "iso-3166",
                    field + " must be an ISO 3166-1 alpha-2 code such as RU, or EU");
        }
        return value;
    }

    /** Turns a name such as "Twitter Inc." into its slug {@code twitter-inc}. */
    public static String of(String name) {
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return require(slug, "name");
    }
}
