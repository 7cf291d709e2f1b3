package io.mpauthx.server;

import io.mpauthx.testkit.redis.LocalRedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS from PEM files: a certificate made by the JDK's keytool, written out as PEM, trusted by the client alone. */
class TlsIT {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    Path folder;

    @Test
    void servesHttpsFromPemFiles() throws Exception {
        KeyStore store = selfSigned();
        Path certificate = pem(folder.resolve("tls.crt"), "CERTIFICATE", store.getCertificate("mpauthx").getEncoded());
        Path key = pem(folder.resolve("tls.key"), "PRIVATE KEY", store.getKey("mpauthx", STORE_PASSWORD).getEncoded());
        try (LocalRedisServer redis = LocalRedisServer.startOnFreePort();
             RunningService service = RunningService.start(redis.uri(), folder,
                     settings -> settings.tls(certificate, key), app -> app)) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(store.getCertificate("mpauthx"))).build();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + service.server.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).isPresent();
        }
    }

    private KeyStore selfSigned() throws IOException, InterruptedException, java.security.GeneralSecurityException {
        Path file = folder.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mpauthx", "-keyalg", "RSA", "-keysize", "2048", "-validity", "1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
        return store;
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        return Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
    }

    private static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("mpauthx", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
