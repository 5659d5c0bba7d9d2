package org.disputeledger.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;

/** Where a fact comes from: a web address and/or a publisher, and the date it was published if known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String url, String publisher, LocalDate publishedOn) {

    public Source {
        if ((url == null || url.isBlank()) && (publisher == null || publisher.isBlank())) {
            throw new InvalidValueException("sources", "source-needs-url-or-publisher",
                    "every source needs a url or a publisher");
        }
        if (url != null && !url.isBlank()) {
            requireHttpUrl(url);
        } else {
            url = null;
        }
        if (publisher != null && publisher.isBlank()) {
            publisher = null;
        }
        InvalidValueException.requireMaxLength(url, 2000, "sources.url");
        InvalidValueException.requireMaxLength(publisher, 300, "sources.publisher");
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidValueException("sources.url", "http-url", "sources.url must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("sources.url", "http-url", "sources.url must be an absolute http(s) URL");
        }
    }

    public static Source url(String url) {
        return new Source(url, null, null);
    }
}
