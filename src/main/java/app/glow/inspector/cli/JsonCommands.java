package app.glow.inspector.cli;

import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.api.GlowClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The JSON endpoints: group, groups, refresh. */
final class JsonCommands {
    private JsonCommands() {
    }

    @Command(name = "group", description = "One group: lean identity, or the detail tree with include_detail.",
            footer = {"", "Examples:",
                "  glow system group --body '{\"group_id\": \"4f1c...\"}'",
                "  glow system group --body '{\"group_id\": \"4f1c...\", \"include_detail\": true, "
                        + "\"message_limit\": 50}' --pretty"})
    static final class Group extends ServerCommand {
        @Option(names = "--pretty", description = "Indent the JSON.")
        boolean pretty;

        Group(CliContext ctx) {
            super(ctx);
        }

        @Override
        void validate(ObjectNode b) throws UsageError {
            Body.requireString(b, "group_id");
            Body.optionalBoolean(b, "include_detail");
            Body.optionalInt(b, "message_limit", 0, Integer.MAX_VALUE);
            Body.optionalInt(b, "message_offset", 0, Integer.MAX_VALUE);
        }

        @Override
        void run(GlowClient client, ObjectNode b) throws GlowApiException, IOException {
            printJson(client.postRaw("/system/group", bytes(b), none()), pretty);
        }
    }

    @Command(name = "groups", description = "The paginated list of groups, with costs and pricing.",
            footer = {"", "Examples:",
                "  glow system groups --body '{\"page_size\": 25}'",
                "  glow system groups --body '{\"page_size\": 500}' --all-pages | jq -r .group_name"})
    static final class Groups extends ServerCommand {
        @Option(names = "--pretty", description = "Indent the JSON.")
        boolean pretty;

        @Option(names = "--all-pages",
                description = "Follow next_page_token to the end; print one group per line (NDJSON).")
        boolean allPages;

        @Option(names = "--max-pages", paramLabel = "N", defaultValue = "100000",
                description = "With --all-pages: stop with exit 1 after N pages (default: ${DEFAULT-VALUE}).")
        int maxPages;

        Groups(CliContext ctx) {
            super(ctx);
        }

        @Override
        void validate(ObjectNode b) throws UsageError {
            Body.optionalInt(b, "page_size", 1, 500);
            Body.optionalString(b, "page_token");
            Body.optionalString(b, "query");
            Body.optionalString(b, "created_after");
            Body.optionalString(b, "created_before");
        }

        @Override
        void run(GlowClient client, ObjectNode b) throws GlowApiException, IOException, UsageError {
            if (maxPages < 1) {
                throw new UsageError("--max-pages must be at least 1");
            }
            if (!allPages) {
                printJson(client.postRaw("/system/groups", bytes(b), none()), pretty);
                return;
            }
            // One page in memory at a time, whatever the number of groups, copied token by token as it
            // arrives, over one kept-alive connection; a server that repeats a page token (or never
            // stops) would loop for ever: each token is remembered (as a digest) and the pages counted.
            ObjectNode request = b.deepCopy();
            PageTokens seen = new PageTokens();
            if (request.hasNonNull("page_token")) {
                seen.firstTime(request.get("page_token").asText());
            }
            NdjsonPage page = new NdjsonPage(mapper.getFactory(), "groups");
            for (int pages = 1; ; pages++) {
                if (pages > maxPages) {
                    throw new IOException("stopped after " + maxPages + " pages (--max-pages): the server keeps "
                            + "sending a next_page_token");
                }
                String next = client.postStreamed("/system/groups", bytes(request), none(), page);
                page.writeTo(ctx.out());
                ctx.out().flush();
                if (next == null || next.isEmpty()) {
                    return;
                }
                if (!seen.firstTime(next)) {
                    throw new IOException("the server sent a next_page_token it had already sent (page " + pages
                            + "); stopping instead of looping");
                }
                request.put("page_token", next);
            }
        }
    }

    @Command(name = "refresh", description = "Ask the server to drop its caches (all groups, or one).",
            footer = {"", "Examples:", "  glow system refresh", "  glow system refresh --body '{\"group_id\": \"4f1c...\"}'"})
    static final class Refresh extends ServerCommand {
        Refresh(CliContext ctx) {
            super(ctx);
        }

        @Override
        void validate(ObjectNode b) throws UsageError {
            Body.optionalString(b, "group_id");
        }

        @Override
        void run(GlowClient client, ObjectNode b) throws GlowApiException, IOException {
            printJson(client.postRaw("/system/refresh", bytes(b), none()), false);
        }
    }
}
