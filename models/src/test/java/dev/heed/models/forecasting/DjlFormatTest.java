package dev.heed.models.forecasting;

/** The format contract over the {@code djl-tiny} fixture. */
class DjlFormatTest extends FormatContractTest {

    @Override
    String fixture() {
        return "djl-tiny";
    }

    @Override
    String format() {
        return "djl";
    }

    @Override
    int networkOutputs() {
        return 3;
    }
}
