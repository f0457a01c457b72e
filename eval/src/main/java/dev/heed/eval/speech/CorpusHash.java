package dev.heed.eval.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** One SHA-256 over a list of recordings: each file's name and bytes, in name order. */
public final class CorpusHash {

    private CorpusHash() {}

    public static String of(List<Recording> recordings) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        List<Recording> sorted =
                recordings.stream()
                        .sorted(
                                (a, b) ->
                                        a.file()
                                                .getFileName()
                                                .toString()
                                                .compareTo(b.file().getFileName().toString()))
                        .toList();
        for (Recording r : sorted) {
            digest.update(
                    r.file()
                            .getFileName()
                            .toString()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(r.file()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
