package dev.heed.streams.sensors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.streams.internal.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowerTest {
    private static final String[] V = {"value"};

    private static Reading r(long ts, double v) {
        return new Reading("s", ts, V, new double[] {v});
    }

    private static List<WindowSnapshot> feed(Windower w, SeriesState s, long... ts)
            throws Rejection {
        List<WindowSnapshot> out = new ArrayList<>();
        for (long t : ts) {
            out.addAll(w.accept(s, r(t, t), 0));
        }
        return out;
    }

    @Test
    void shouldEmitEveryStrideStepsAfterTheFirstFullWindow() throws Rejection {
        Windower w = new Windower(4, 2, 0, 0, 0, 1000);
        SeriesState s = new SeriesState(V, 4);
        List<WindowSnapshot> out = feed(w, s, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(out).extracting(WindowSnapshot::end).containsExactly(4L, 6L, 8L);
        assertThat(out.get(1).ts()).containsExactly(3, 4, 5, 6);
        assertThat(out.get(1).values()[0]).containsExactly(3f, 4f, 5f, 6f);
    }

    @Test
    void shouldSurviveAnEncodeDecodeRoundTripMidStream() throws Rejection {
        Windower w = new Windower(4, 1, 0, 0, 10, 1000);
        SeriesState s = new SeriesState(V, 4);
        feed(w, s, 1, 2, 3, 30, 25);
        SeriesState back = SeriesState.fromBytes(s.toBytes(), 4);
        assertThat(feed(w, back, 40)).extracting(WindowSnapshot::end).containsExactly(25L, 30L);
        assertThat(back.held).extracting(SeriesState.Held::ts).containsExactly(40L);
    }

    @Test
    void shouldHoldReadingsForTheGracePeriodAndReleaseThemInOrder() throws Rejection {
        Windower w = new Windower(3, 1, 0, 0, 5, 1000);
        SeriesState s = new SeriesState(V, 3);
        List<WindowSnapshot> out = feed(w, s, 10, 8, 12, 9, 20);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).ts()).containsExactly(8, 9, 10);
        assertThat(out.get(1).ts()).containsExactly(9, 10, 12);
        assertThatThrownBy(() -> feed(w, s, 7))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("window.grace=5ms");
    }

    @Test
    void shouldRestartTheWindowAfterAGapTooLongToFill() throws Rejection {
        Windower w = new Windower(3, 1, 10, 2, 0, 1000);
        SeriesState s = new SeriesState(V, 3);
        List<WindowSnapshot> out = feed(w, s, 0, 10, 20, 30, 100, 110, 120, 130);
        assertThat(out).extracting(WindowSnapshot::end).containsExactly(20L, 30L, 120L);
        assertThat(out.get(2).ts()).containsExactly(100, 110, 120);
        assertThat(out.get(2).filled()).containsExactly(false, false, false);
    }
}
