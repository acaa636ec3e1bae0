package app.glow.inspector.api;

import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One download to an output. A dropped connection is resumed from the byte reached, provided the
 * server still sends the same {@code ETag}; the result is checked against the declared length, so
 * a flaky network never yields a short file that looks complete. An attempt that runs past the
 * overall deadline is not resumed (a server that trickles would otherwise hold it for ever).
 */
final class Downloader {
    private static final int MAX_RESUMES = 8;

    private final GlowClient client;
    private final RetryPolicy retry;

    Downloader(GlowClient client, RetryPolicy retry) {
        this.client = client;
        this.retry = retry;
    }

    DownloadResult download(MediaKind kind, String uploadId, ByteRange range, OutputStream out, Cancellation c)
            throws GlowApiException {
        long written = 0;
        long firstByte = -1;
        long expected = -1;
        long total = -1;
        String etag = null;
        String contentType = null;
        String fileName = null;
        int resumes = 0;
        while (true) {
            ByteRange ask = written == 0 ? range : resumeRange(range, firstByte + written);
            boolean streaming = false;
            long[] copied = {0};
            try (MediaStream s = client.openDownload(kind, uploadId, ask, c, true)) {
                long skip = 0;
                if (written == 0) {
                    firstByte = s.firstByte();
                    etag = s.etag();
                    contentType = s.contentType();
                    fileName = s.fileName();
                    total = s.totalSize();
                    expected = s.contentLength();
                } else {
                    if (etag != null && s.etag() != null && !etag.equals(s.etag())) {
                        throw GlowApiException.integrity("The upload " + uploadId + " changed on the server while "
                                + "it was downloading (ETag " + etag + " became " + s.etag() + ").");
                    }
                    if (!s.isPartial()) {
                        skip = firstByte + written; // the server ignored Range: skip what we have
                    } else if (s.firstByte() != firstByte + written) {
                        throw GlowApiException.integrity("The server resumed " + uploadId + " at byte "
                                + s.firstByte() + " instead of " + (firstByte + written) + ".");
                    }
                }
                streaming = true;
                long limit = expected >= 0 ? expected - written : Long.MAX_VALUE;
                copy(client, s.body(), out, skip, limit, c, copied);
                written += copied[0];
                copied[0] = 0;
                if (expected >= 0 && written < expected) {
                    throw GlowApiException.connection("The connection ended after " + written + " of " + expected
                            + " bytes.", null);
                }
                return new DownloadResult(contentType, etag, fileName, Math.max(firstByte, 0), written, total,
                        resumes);
            } catch (GlowApiException e) {
                written += copied[0];
                boolean resumable = streaming && e.isRetryable() && resumes < MAX_RESUMES;
                if (!resumable) {
                    throw e;
                }
                resumes++;
                if (!c.sleep(retry.backoffMillis(resumes, null))) {
                    throw GlowApiException.cancelled();
                }
            }
        }
    }

    private static ByteRange resumeRange(ByteRange original, long nextByte) {
        Long end = original == null || original.start() == null ? null : original.end();
        return new ByteRange(nextByte, end);
    }

    /**
     * Copies up to {@code limit} bytes after skipping {@code skip}; {@code count[0]} follows the
     * bytes written, so a caller knows where a dropped copy stopped.
     */
    static long copy(GlowClient client, InputStream in, OutputStream out, long skip, long limit, Cancellation c,
                     long[] count) throws GlowApiException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try {
            while (skip > 0) {
                long k = in.skip(skip);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw GlowApiException.connection("The connection ended while skipping to the resume point.",
                                null);
                    }
                    k = 1;
                }
                skip -= k;
            }
            while (n < limit) {
                int want = (int) Math.min(buf.length, limit - n);
                int r = in.read(buf, 0, want);
                if (r < 0) {
                    break;
                }
                try {
                    out.write(buf, 0, r);
                } catch (IOException writeFailed) {
                    // The destination failed: not a network problem, never resumed.
                    throw new GlowApiException(GlowApiException.Kind.INTEGRITY, 0, "write_failed",
                            "Could not write the download: " + writeFailed.getMessage(), null, null, writeFailed);
                }
                n += r;
                count[0] = n;
            }
            return n;
        } catch (GlowApiException e) {
            throw e;
        } catch (IOException e) {
            throw client.translate(e, c, "downloading");
        }
    }
}
