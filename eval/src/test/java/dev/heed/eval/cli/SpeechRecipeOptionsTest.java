package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.HeedStreamsException;
import org.junit.jupiter.api.Test;

/**
 * {@code --stream-prior} needs {@code --stream-mean}, the babble's shapes need {@code --babble},
 * the babble's SNR range runs upwards; all are recorded in the data's description.
 */
class SpeechRecipeOptionsTest {

    @Test
    void shouldRefuseAStreamPriorWithoutAStreamMeanAndDescribeIt() {
        SpeechRecipeOptions o = new SpeechRecipeOptions();
        o.streamCold = 0.5;
        o.streamPrior = 100;
        assertThatThrownBy(o::check)
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining(
                        "--stream-prior must be 0 (none) or, with --stream-mean, the speech"
                                + " frames the prior stands for: 100");
        o.streamMean = 10;
        o.check();
        assertThat(o.describe())
                .contains(
                        "the speech mean of 1,024 training utterances weighing what the history"
                                + " lacks of 100 speech frames");
        o.streamPrior = 0;
        assertThat(o.describe()).doesNotContain("1,024 training utterances");
    }

    @Test
    void shouldRefuseTheBabblesShapesWithoutBabbleAndDescribeThem() {
        SpeechRecipeOptions o = new SpeechRecipeOptions();
        o.streamCold = 0.5;
        o.maxWords = 6;
        o.babbleUnderQuietest = true;
        assertThatThrownBy(o::check)
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("which is 0: give --babble a share too");
        o.babble = 0.25;
        o.check();
        assertThat(o.describe())
                .contains("babble of 3 recordings of the same pool at 0-20 dB SNR in 25% of")
                .contains("below the quietest word");
        assertThat(o.data().babbleUnderQuietest()).isTrue();
    }

    @Test
    void shouldRefuseABackwardsBabbleSnrRangeAndDescribeIt() {
        SpeechRecipeOptions o = new SpeechRecipeOptions();
        o.streamCold = 0.5;
        o.maxWords = 6;
        o.babbleSnrRange = "5,25";
        assertThatThrownBy(o::check)
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining(
                        "--babble-snr-range 5,25 sets the level of the babble of --babble, which"
                                + " is 0: give --babble a share too");
        o.babble = 0.25;
        o.babbleSnrRange = "25,5";
        assertThatThrownBy(o::check)
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("with LO <= HI, such as 5,25: got 25,5");
        o.babbleSnrRange = "5";
        assertThatThrownBy(o::check).hasMessageContaining("got 5");
        o.babbleSnrRange = "5,25";
        o.check();
        assertThat(o.describe()).contains("babble of 3 recordings of the same pool at 5-25 dB SNR");
        assertThat(o.data().babbleSnrLow()).isEqualTo(5);
        assertThat(o.data().babbleSnrHigh()).isEqualTo(25);
    }

    @Test
    void shouldRefuseBackgroundWithoutAStreamMeanAndDescribeIt() {
        SpeechRecipeOptions o = new SpeechRecipeOptions();
        o.streamCold = 0.5;
        o.maxWords = 6;
        o.background = 0.1;
        o.babbleSnrRange = "5,25";
        assertThatThrownBy(o::check)
                .isInstanceOf(HeedStreamsException.class)
                .hasMessageContaining("--background 0.1 needs --stream-mean");
        o.streamMean = 10;
        o.check();
        assertThat(o.describe())
                .contains(
                        "10% of utterances background only: after 1-10 recordings of the"
                                + " speaker, babble of 3 recordings at 5-25 dB below that speech");
        assertThat(o.data().background()).isEqualTo(0.1);
        o.background = 1.5;
        assertThatThrownBy(o::check).hasMessageContaining("--background must be a share");
    }
}
