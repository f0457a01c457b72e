package dev.heed.models.forecasting;

/** The format contract over the {@code onnx-tiny} fixture. */
class OnnxFormatTest extends FormatContractTest {

    @Override
    String fixture() {
        return "onnx-tiny";
    }

    @Override
    String format() {
        return "onnx";
    }

    @Override
    int networkOutputs() {
        return 2;
    }
}
