package app.glow.inspector.api;

/** The JSON samples of the wire contract, verbatim where the contract gives them. */
final class ContractSamples {
    private ContractSamples() {
    }

    static final String LEAN = """
            {"group_exists": true, "group_id": "4f1c", "group_name": "Office hours: recursion", "actor_name": "Dana Reviewer"}
            """;

    static final String DETAIL = """
            {
              "group_exists": true,
              "group_id": "4f1c",
              "group_name": "Office hours: recursion",
              "actor_name": "Dana Reviewer",
              "total_message_count": 412,
              "runs": [
                {
                  "run": {
                    "id": "9a0e", "created_at": "2026-11-20T14:03:22.125Z",
                    "input_tokens": 1830, "output_tokens": 214, "cached_input_tokens": 1024,
                    "cost": 0.0041275, "model_id": "m-1", "agent_id": "a-1", "profile_id": "p-7"
                  },
                  "messages": [
                    {
                      "id": "c2d1", "role": "user",
                      "text_upload_ids": ["t-88"], "audio_upload_ids": [], "image_upload_ids": ["i-3"],
                      "video_upload_ids": [], "file_upload_ids": [],
                      "calls": [{"id": "k-1", "template_name": "grade_rubric", "file_path": "rubrics/recursion.md", "created_at": "2026-11-20T14:03:23.010Z"}]
                    }
                  ],
                  "previous_context_start_index": 1
                }
              ],
              "models":   [{"model_id": "m-1", "name": "gpt-4o-mini"}],
              "agents":   [{"agent_id": "a-1", "name": "Student persona: Sam"}],
              "profiles": [{"profile_id": "p-7", "name": "TA Jordan Lee"}]
            }
            """;

    static final String GROUPS = """
            {
              "groups": [
                {
                  "group_id": "4f1c", "group_name": "Office hours: recursion",
                  "created_at": "2026-11-20T14:03:22.125Z", "updated_at": "2026-11-20T14:19:02.000Z",
                  "run_count": 12, "message_count": 412,
                  "input_tokens": 52011, "output_tokens": 6120, "cached_input_tokens": 30720,
                  "cost": 0.0871302,
                  "model_ids": ["m-1"], "agent_ids": ["a-1"], "profile_ids": ["p-7"]
                }
              ],
              "next_page_token": "eyJvIjoyNX0",
              "total_count": 1840,
              "models":   [{"model_id": "m-1", "name": "gpt-4o-mini"}],
              "agents":   [{"agent_id": "a-1", "name": "Student persona: Sam"}],
              "profiles": [{"profile_id": "p-7", "name": "TA Jordan Lee"}],
              "pricing": [
                {"model_id": "m-1", "currency": "USD", "input_per_million": 0.15,
                 "cached_input_per_million": 0.075, "output_per_million": 0.60}
              ]
            }
            """;
}
