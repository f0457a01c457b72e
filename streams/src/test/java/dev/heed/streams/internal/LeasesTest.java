package dev.heed.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeasesTest {
    /** A model that counts its closes. */
    static final class Model implements AutoCloseable {
        int closed;

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void shouldCloseASwappedOutModelWhenItsLastHolderLetsItGo() {
        Model a = new Model();
        Model b = new Model();
        Leases<Model> leases = new Leases<>(a);
        Model t1 = leases.acquire();
        Model t2 = leases.acquire();
        assertThat(leases.swap(b)).isSameAs(a);
        assertThat(leases.current()).isSameAs(b);
        leases.release(t1);
        assertThat(a.closed).as("a thread still holds it").isZero();
        leases.release(t2);
        assertThat(a.closed).isEqualTo(1);
        leases.release(t2);
        assertThat(a.closed).as("closed once").isEqualTo(1);
        assertThat(b.closed).isZero();
    }

    @Test
    void shouldCloseAnUnheldModelAtOnceAndEverythingOnClose() {
        Model a = new Model();
        Model b = new Model();
        Model c = new Model();
        Leases<Model> leases = new Leases<>(a);
        leases.swap(b);
        assertThat(a.closed).isEqualTo(1);
        leases.acquire();
        leases.swap(c);
        assertThat(b.closed).isZero();
        leases.closeAll();
        assertThat(b.closed).isEqualTo(1);
        assertThat(c.closed).isEqualTo(1);
    }
}
