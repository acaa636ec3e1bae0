package app.glow.inspector.api;

/**
 * What a completed download wrote.
 *
 * @param firstByte    absolute offset of the first byte written
 * @param bytesWritten bytes written to the output, verified against what the server declared
 * @param totalSize    size of the whole upload, -1 when unknown
 * @param resumes      how many times a dropped connection was resumed
 */
public record DownloadResult(String contentType, String etag, String fileName, long firstByte, long bytesWritten,
                             long totalSize, int resumes) {
}
