package org.cadre.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code cadre.requests.max-body} (default 16 MB) is read: a JSON body is parsed into
 * objects whole, so without a bound one authenticated call could fill the heap. A declared length above the limit is
 * refused (413) before anything is read; a body sent without one (chunked) fails as soon as it passes the limit, and
 * its answer is the same 413. Multipart uploads have their own, smaller limits ({@code spring.servlet.multipart.*})
 * and pass untouched.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private static final String EXCEEDED = RequestBodyLimit.class.getName() + ".exceeded";

    private final long limit;

    RequestBodyLimit(long limit) {
        this.limit = limit;
    }

    /** Whether this request's body was cut off at the limit. */
    static boolean exceeded(HttpServletRequest request) {
        return request.getAttribute(EXCEEDED) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (ServletException | IOException | RuntimeException error) {
            if (!exceeded(request) || response.isCommitted()) {
                throw error;
            }
        }
        if (exceeded(request) && !response.isCommitted()
                && response.getStatus() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
            // cut off outside Spring MVC (where RequestBodyLimitResolver answers): the cause is still its size
            response.reset();
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    /** The error of a body past the limit: {@link RequestBodyLimitResolver} answers it 413, however wrapped. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    /** The body, cut off with an error once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream limited;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream body = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > limit) {
                            setAttribute(EXCEEDED, Boolean.TRUE);
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
