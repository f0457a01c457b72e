package dev.heed.models.formats;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.EngineException;
import org.junit.jupiter.api.Test;

class EngineErrorsTest {

    @Test
    void shouldKeepThePythonErrorLineOfATorchScriptTraceback() {
        String traceback =
                "The following operation failed in the TorchScript interpreter.\n"
                        + "Traceback of TorchScript, serialized code (most recent call last):\n"
                        + "  File \"code/__torch__.py\", line 51, in forward\n"
                        + "    y0 = torch.reshape(y, [-1, c, horizon])\n"
                        + "RuntimeError: shape '[-1, 2, 4]' is invalid for input of size 12\n";
        assertThat(EngineErrors.summary(new EngineException(traceback)))
                .isEqualTo("RuntimeError: shape '[-1, 2, 4]' is invalid for input of size 12");
    }

    @Test
    void shouldJoinTheLinesOfTheDeepestCause() {
        Exception ort =
                new IllegalStateException(
                        "Error code - ORT_INVALID_ARGUMENT - message: Got invalid dimensions for input: x\n"
                                + " index: 0 Got: 2 Expected: 1\n"
                                + " Please fix either the inputs/outputs or the model.");
        assertThat(EngineErrors.summary(new EngineException(ort)))
                .isEqualTo(
                        "Error code - ORT_INVALID_ARGUMENT - message: Got invalid dimensions for input: x"
                                + " index: 0 Got: 2 Expected: 1 Please fix either the inputs/outputs or the"
                                + " model.");
        assertThat(EngineErrors.summary(new RuntimeException(new java.io.EOFException())))
                .isEqualTo("java.io.EOFException");
    }
}
