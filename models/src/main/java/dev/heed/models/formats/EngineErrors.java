package dev.heed.models.formats;

import java.util.List;

/**
 * One-line summaries of engine errors for messages. The full text stays in the exception's cause:
 * PyTorch adds a TorchScript traceback, ONNX Runtime spreads one error over several lines.
 */
public final class EngineErrors {

    private EngineErrors() {}

    /**
     * The deepest cause's message on one line: the last Python-style {@code SomethingError: ...}
     * line when there is one (the end of a TorchScript traceback), else all lines joined.
     */
    public static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        List<String> lines = message.strip().lines().map(String::strip).toList();
        for (int i = lines.size() - 1; i > 0; i--) {
            if (lines.get(i).matches("\\w*(Error|Exception): .*")) {
                return lines.get(i);
            }
        }
        return String.join(" ", lines.stream().filter(l -> !l.isEmpty()).toList());
    }
}
