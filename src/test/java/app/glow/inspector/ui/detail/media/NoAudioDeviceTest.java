package app.glow.inspector.ui.detail.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a computer with no audio output device (an ALSA default device that does not exist, so the
 * same on any machine), a video with a sound track plays muted with a notice instead of being refused.
 */
class NoAudioDeviceTest {
    @Test
    void aVideoPlaysWithoutSoundAndSaysWhy() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Duser.home=" + System.getProperty("user.home"),
                NoAudioDeviceProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ALSA_CONFIG_PATH", Path.of("src", "test", "resources", "alsa-no-device.conf")
                .toAbsolutePath().toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe finished");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        String shown = line(text, "SHOWN=");
        String played = line(text, "PLAYED=");
        assertTrue(shown.startsWith(InlinePlayer.NO_SOUND_NOTICE), text);
        assertTrue(played.startsWith("PLAYING at "), text);
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElse("");
    }
}
