package dev.heed.models.forecasting;

/** The format contract over the {@code torchscript-tiny} fixture. */
class TorchScriptFormatTest extends FormatContractTest {

    @Override
    String fixture() {
        return "torchscript-tiny";
    }

    @Override
    String format() {
        return "torchscript";
    }

    @Override
    int networkOutputs() {
        return 2;
    }
}
