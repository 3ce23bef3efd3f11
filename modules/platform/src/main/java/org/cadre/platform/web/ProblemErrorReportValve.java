package org.cadre.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * The report Tomcat writes itself for a request it refuses before the application sees it (an address it cannot
 * decode, headers too large): a problem detail on API paths, a short page elsewhere, and neither the server's
 * version nor a stack trace. It has no Spring context, so its texts are fixed, in both languages.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getRequestURI();
        boolean api = uri != null && uri.startsWith("/api/");
        String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        String title = reason == null || reason.startsWith("Cannot find message") ? "Error" : reason;
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(api ? "application/problem+json" : "text/html");
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            if (api) {
                writer.write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + "Yêu cầu không đọc được: kiểm tra địa chỉ và tiêu đề (headers). "
                        + "The request could not be read: check its address and headers.\"}");
            } else {
                writer.write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + status
                        + "</title></head><body><h1>" + status + " " + title + "</h1><p>Yêu cầu không đọc được."
                        + " The request could not be read.</p><p><a href=\"/\">Cadre</a></p></body></html>");
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response was taken over: nothing more to write
        }
    }
}
