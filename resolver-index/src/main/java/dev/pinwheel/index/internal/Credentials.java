package dev.pinwheel.index.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for HTTP basic authentication, by origin ({@code scheme://host:port}) and, as a netrc file
 * does, by host.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a password.
 */
public final class Credentials {
    /** A login: a user name and a password. */
    public record Login(String user, String password) {
        public Login {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** The {@code Authorization} header value. */
        public String basicHeader() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Login[user=" + user + ", password=***]";
        }
    }

    /** No credentials at all. */
    public static final Credentials NONE = new Credentials(Map.of(), Map.of());

    private final Map<String, Login> byOrigin;
    private final Map<String, Login> byHost;

    private Credentials(Map<String, Login> byOrigin, Map<String, Login> byHost) {
        this.byOrigin = Map.copyOf(byOrigin);
        this.byHost = Map.copyOf(byHost);
    }

    /** These credentials plus the user information of {@code uri}, if it has any, for the URI's origin. */
    public Credentials withUserInfoOf(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return this;
        }
        int colon = info.indexOf(':');
        String user = Uris.percentDecode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : Uris.percentDecode(info.substring(colon + 1));
        Map<String, Login> origins = new HashMap<>(byOrigin);
        origins.put(Uris.origin(uri), new Login(user, password));
        return new Credentials(origins, byHost);
    }

    /**
     * These credentials plus the {@code machine} entries of a netrc file ({@code default} is ignored: sending
     * a password to every host is never what a resolver should do).
     */
    public Credentials withNetrc(Path netrc) throws IOException {
        String text = Files.readString(netrc, StandardCharsets.UTF_8);
        Map<String, Login> hosts = new HashMap<>(byHost);
        String[] tokens = text.strip().split("\\s+");
        String machine = null;
        String login = null;
        String password = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            switch (t) {
                case "machine":
                case "default":
                    if (machine != null && login != null) {
                        hosts.putIfAbsent(machine, new Login(login, password == null ? "" : password));
                    }
                    machine = "machine".equals(t) && i + 1 < tokens.length ? tokens[++i].toLowerCase(Locale.ROOT) : null;
                    login = null;
                    password = null;
                    break;
                case "login":
                    login = i + 1 < tokens.length ? tokens[++i] : null;
                    break;
                case "password":
                    password = i + 1 < tokens.length ? tokens[++i] : null;
                    break;
                case "account":
                    i++;
                    break;
                default:
                    break;
            }
        }
        if (machine != null && login != null) {
            hosts.putIfAbsent(machine, new Login(login, password == null ? "" : password));
        }
        return new Credentials(byOrigin, hosts);
    }

    /** The login to send to {@code uri}: one given for its exact origin first, else one for its host. */
    public Optional<Login> forUri(URI uri) {
        Login l = byOrigin.get(Uris.origin(uri));
        if (l != null) {
            return Optional.of(l);
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHost.get(uri.getHost().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "Credentials[origins=" + byOrigin.keySet() + ", hosts=" + byHost.keySet() + "]";
    }
}
