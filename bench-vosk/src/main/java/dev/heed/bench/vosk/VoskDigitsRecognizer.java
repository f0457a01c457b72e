package dev.heed.bench.vosk;

/** {@link VoskRecognizer} restricted by a grammar to the ten digit words (and "oh"). */
public class VoskDigitsRecognizer extends VoskRecognizer {

    public VoskDigitsRecognizer() {
        super(
                "vosk-digits",
                "[\"zero one two three four five six seven eight nine oh\", \"[unk]\"]");
    }
}
