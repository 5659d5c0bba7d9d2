package org.disputeledger.api.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * URLs Tomcat itself refuses. An encoded slash or backslash in a path ({@code /streams/..%2Fetc}) is passed
 * through to the security firewall, which refuses it with the same problem details as every other refusal; it
 * never reaches a controller. What Tomcat still refuses before any application code runs (an encoded NUL) is
 * answered by {@link ProblemReportValve} as a problem too, instead of an HTML page that names the server.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    @Bean
    TomcatContextCustomizer problemReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }

    /** Tomcat's own error answers, as problem details with fixed text: nothing of the request is echoed. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            boolean url = status == 400;
            String code = url ? "invalid-request" : "http-" + status;
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"urn:ledger:problem:" + code + "\",\"title\":\"The request is invalid\","
                            + "\"status\":" + status + ",\"detail\":\"the server refused the request before reading it"
                            + "\",\"code\":\"" + code + "\",\"field\":\"" + (url ? "path" : "request")
                            + "\",\"rule\":\"" + (url ? "url-characters" : "valid-request") + "\"}");
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more can be said
            }
        }
    }
}
