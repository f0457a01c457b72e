package dev.heed.eval.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium for browser tests: Debian's {@code chromium} and {@code
 * chromium-driver} ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), or the paths in
 * {@code -Dheed.it.chromium} and {@code -Dheed.it.chromedriver}. Never downloads anything.
 */
public record Chromium(Path browser, Path driver) {
    private static final List<String> BROWSERS =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS =
            List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /** The browser and its driver, if both are installed. */
    public static Optional<Chromium> find() {
        Optional<Path> b = first(System.getProperty("heed.it.chromium"), BROWSERS);
        Optional<Path> d = first(System.getProperty("heed.it.chromedriver"), DRIVERS);
        return b.isPresent() && d.isPresent()
                ? Optional.of(new Chromium(b.get(), d.get()))
                : Optional.empty();
    }

    /**
     * A headless browser with a fresh profile in {@code profile}, {@code width x height}, and
     * {@code extra} command-line switches.
     */
    public ChromeDriver start(Path profile, int width, int height, String... extra) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(browser.toFile());
        o.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        o.addArguments(extra);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.toFile())
                        .usingAnyFreePort()
                        .build();
        return new ChromeDriver(service, o);
    }

    private static Optional<Path> first(String property, List<String> candidates) {
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property)).filter(Files::isExecutable);
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
