package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.cadre.support.CadreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors that never reach a controller (the container refuses the request, or forwards it to its error path) are
 * problem details on API paths and plain pages elsewhere, without the server's name or version. Sent over a raw
 * socket: an HTTP client would refuse to send these requests at all.
 */
@CadreTest
class ContainerErrorTests {

    @LocalServerPort
    int port;

    @Test
    void anAddressTheContainerCannotDecodeIsAProblemOnTheApi() throws IOException {
        String answer = send("GET /api/organizations/%ZZ HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":400").doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void aMethodNoEndpointTakesIsAProblemOnTheApi() throws IOException {
        String answer = send("TRACE /api/organizations HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 405").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"instance\":\"/api/organizations\"").doesNotContain("timestamp");
    }

    @Test
    void anEmptyIdInThePathIsAProblemOnTheApi() throws IOException {
        String answer = send("GET /api/members//history HTTP/1.1");
        assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*").containsIgnoringCase("application/problem+json")
                .doesNotContain("timestamp");
    }

    @Test
    void aPageTheContainerRefusesNamesNoServer() throws IOException {
        String answer = send("GET /organizations/%ZZ HTTP/1.1");
        assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("Tomcat").doesNotContain("Exception")
                .contains("The request could not be read");
    }

    private String send(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Autowired
    org.cadre.identity.UserAccounts accounts;

    /** A file over the server's limit is a 413 problem that says the limit, before any module sees it. */
    @Test
    void aFileOverTheUploadLimitIsAProblemThatSaysTheLimit() throws Exception {
        String admin = org.cadre.identity.testing.TestUsers.create(accounts, org.cadre.platform.Role.RULE_ADMIN);
        String boundary = "cadre-boundary";
        byte[] file = new byte[6 * 1024 * 1024 + 1024];
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String credentials = java.util.Base64.getEncoder().encodeToString(
                (admin + ":" + org.cadre.identity.testing.TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/rule-packs"))
                        .header("Authorization", "Basic " + credentials).header("Accept-Language", "vi")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("giới hạn 6 MB");
    }
}
