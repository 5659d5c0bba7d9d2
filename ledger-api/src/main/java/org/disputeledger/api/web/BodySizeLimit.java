package org.disputeledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a body larger than {@link RequestLimits#maxBodySize()} with 413: at once when its Content-Length says
 * so, and while it is read when it arrives chunked (the reader then fails with {@link TooLarge}, which the
 * {@code ProblemHandler} answers the same way). It runs before authentication, so no large body is buffered for
 * anyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class BodySizeLimit extends OncePerRequestFilter {

    private final long max;
    private final JsonMapper json;

    BodySizeLimit(RequestLimits limits, JsonMapper json) {
        this.max = limits.maxBodySize().toBytes();
        this.json = json;
    }

    /** A body that went past the limit while it was read. */
    static final class TooLarge extends IOException {

        TooLarge(long max) {
            super("the body exceeds " + max + " bytes");
        }
    }

    static ProblemDetail problem(long max) {
        return ProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The body is too large",
                "a request body may hold at most " + max + " bytes", "body", "max-body-size");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            ProblemHandler.write(problem(max), request, response, json);
            return;
        }
        chain.doFilter(new Bounded(request, max), response);
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
