package org.disputeledger.api.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.disputeledger.common.Recorded;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/**
 * Documents on every write (an operation answering with what it {@link Recorded}) the headers that each of them
 * reads through {@link WriteRequests}: If-Match and Idempotency-Key, the 412 of a stale If-Match and the ETag of
 * the answer.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiWriteHeaders {

    @Bean
    public OperationCustomizer writeHeaders() {
        return (operation, handler) -> {
            ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
            if (returned.getGeneric(0).resolve() != Recorded.class) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(IfMatch.HEADER).required(false)
                    .description("The stream's ETag (its version, as GET /api/v1/streams/{streamId} answers) or *: "
                            + "the write applies only to an existing stream at that version, else 412 stale-version")
                    .schema(new StringSchema().example("\"3\"")));
            operation.addParametersItem(new HeaderParameter().name(WriteRequests.IDEMPOTENCY_KEY_HEADER)
                    .required(false)
                    .description("1 to 200 visible ASCII characters; a repeated request with the same key appends "
                            + "nothing and gets the first answer")
                    .schema(new StringSchema()));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ApiResponse created = responses.get("201") != null ? responses.get("201") : responses.get("200");
            if (created != null) {
                created.addHeaderObject("ETag", new Header()
                        .description("The stream's version after the write, for the next write's If-Match")
                        .schema(new StringSchema()));
            }
            responses.addApiResponse("412", new ApiResponse()
                    .description("If-Match names another version of the stream, or the stream does not exist yet")
                    .content(new Content().addMediaType("application/problem+json", new MediaType())));
            operation.setResponses(responses);
            return operation;
        };
    }
}
