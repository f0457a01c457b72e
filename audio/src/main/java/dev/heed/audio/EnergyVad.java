package dev.heed.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming energy voice activity detector with an adaptive noise floor.
 *
 * <p>Each frame's energy {@code 10 log10(mean(x^2))} dBFS is compared with a noise floor: a frame
 * is loud when it is {@code thresholdDb} above the floor and above {@code minFloorDb}. {@code
 * startFrames} loud frames in a row start speech (dated at the first of them); {@code endFrames}
 * quiet frames in a row end it (dated after the last loud frame). The floor starts at the first
 * frame's energy, drops at once to any quieter frame and, outside speech, rises slowly (5% of the
 * gap per frame) towards louder background noise.
 *
 * <p>With a level gate ({@link VadConfig#levelDb()} > 0) the detector also keeps the stream's
 * speech level: the loudest frame heard inside speech, falling {@value
 * VadConfig#LEVEL_FALL_DB_PER_SECOND} dB per second. A frame more than {@code levelDb} below it is
 * not loud, whatever the floor: background far below the user's own speech (a room's chatter, a
 * television) neither keeps an utterance open nor starts one. Before the stream's first speech
 * there is no level and no gate.
 *
 * <p>Feed chunks of any length with {@link #accept}; {@link #saveState()} and {@link #restore}
 * carry the state across processes. Not thread-safe; one detector per stream.
 */
public final class EnergyVad {

    private static final float RISE = 0.05f;

    private final VadConfig config;
    private final float levelFall; // dB per frame
    private float[] pending = new float[0];
    private float floorDb = Float.NaN;
    private float levelDb = Float.NaN; // the stream's speech level; NaN before its first speech
    private boolean speech;
    private int run; // loud frames in a row outside speech, quiet frames in a row inside
    private long frame;

    public EnergyVad(VadConfig config) {
        this.config = config;
        this.levelFall = config.levelFallPerFrame();
    }

    /** Restores a detector from {@link #saveState()} bytes of one with the same configuration. */
    public static EnergyVad restore(VadConfig config, byte[] state) {
        EnergyVad v = new EnergyVad(config);
        StateCodec.Reader r =
                StateCodec.reader(state, "voice activity detector", config.fingerprint());
        v.floorDb = r.readFloat();
        v.levelDb = r.readFloat();
        v.speech = r.readInt() == 1;
        v.run = r.readInt();
        v.frame = r.readLong();
        v.pending = r.readFloats();
        r.end();
        return v;
    }

    /** Appends samples; returns the speech starts and ends they reveal, in order. */
    public List<VadEvent> accept(float[] samples) {
        List<VadEvent> events = new ArrayList<>(2);
        float[] buffer = Arrays.copyOf(pending, pending.length + samples.length);
        System.arraycopy(samples, 0, buffer, pending.length, samples.length);
        int n = config.frameSamples();
        int whole = buffer.length / n;
        for (int f = 0; f < whole; f++) {
            decide(energyDb(buffer, f * n, n), events);
            frame++;
        }
        pending = Arrays.copyOfRange(buffer, whole * n, buffer.length);
        return events;
    }

    private void decide(float db, List<VadEvent> events) {
        if (Float.isNaN(floorDb)) {
            floorDb = Math.max(db, config.minFloorDb());
        }
        if (config.levelGate() && !Float.isNaN(levelDb)) {
            levelDb -= levelFall;
        }
        boolean loud =
                db >= config.minFloorDb()
                        && db - floorDb >= config.thresholdDb()
                        && !belowLevel(db);
        if (db < floorDb) {
            floorDb = Math.max(db, config.minFloorDb());
        } else if (!speech && !loud) {
            floorDb += RISE * (db - floorDb);
        }
        if (!speech) {
            run = loud ? run + 1 : 0;
            if (run >= config.startFrames()) {
                speech = true;
                hearSpeech(db);
                events.add(event(VadEvent.Kind.SPEECH_START, frame - run + 1));
                run = 0;
            }
        } else {
            hearSpeech(db);
            run = loud ? 0 : run + 1;
            if (run >= config.endFrames()) {
                speech = false;
                events.add(event(VadEvent.Kind.SPEECH_END, frame - run + 1));
                run = 0;
            }
        }
    }

    /** Whether the gate is on, the stream has a speech level, and {@code db} is far below it. */
    private boolean belowLevel(float db) {
        return config.levelGate() && !Float.isNaN(levelDb) && db < levelDb - config.levelDb();
    }

    private void hearSpeech(float db) {
        if (config.levelGate() && (Float.isNaN(levelDb) || db > levelDb)) {
            levelDb = db;
        }
    }

    private VadEvent event(VadEvent.Kind kind, long at) {
        return new VadEvent(kind, at, at * config.frameSeconds());
    }

    /** Mean-square energy of {@code n} samples from {@code from}, in dB re full scale. */
    static float energyDb(float[] x, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += x[i] * (double) x[i];
        }
        return (float) (10 * Math.log10(Math.max(sum / n, 1e-12)));
    }

    /** Whether the detector is inside speech now. */
    public boolean inSpeech() {
        return speech;
    }

    /** Decision frames seen so far. */
    public long frames() {
        return frame;
    }

    /** The noise floor in dBFS (NaN before the first frame). */
    public float noiseFloorDb() {
        return floorDb;
    }

    /** The stream's speech level in dBFS (NaN before its first speech, or without a gate). */
    public float speechLevelDb() {
        return levelDb;
    }

    /** The floor, level, decision, counters and pending samples, for {@link #restore}. */
    public byte[] saveState() {
        return StateCodec.writer("voice activity detector", config.fingerprint())
                .writeFloat(floorDb)
                .writeFloat(levelDb)
                .writeInt(speech ? 1 : 0)
                .writeInt(run)
                .writeLong(frame)
                .writeFloats(pending)
                .toBytes();
    }
}
