"""Push notifications: a short title and body, as an APNs payload.

Hard limit: Apple's APNs accepts a notification payload of at most 4096 bytes (FCM's
notification messages share the same 4 KB ceiling). Advised limits are what a lock
screen shows before cutting: about 50 characters of title and 178 of body on iOS
(Android shows ~65 / ~240 expanded), so text beyond that is not read.
"""

from __future__ import annotations

import json

from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, JsonNative, LimitRule

MAX_PAYLOAD_BYTES = 4096
ADVISED_TITLE = 50
ADVISED_BODY = 178


class PushChannel(Channel):
    name = "push"
    title = "Push notification"
    parts = ("title", "body")
    required = ("title", "body")
    short = True
    extension = "json"
    limit_rules = (
        LimitRule("payload_bytes", MAX_PAYLOAD_BYTES, "hard", None, "payload size in bytes",
                  "APNs: a remote notification payload is at most 4096 bytes"),
        LimitRule("title_length", ADVISED_TITLE, "advised", "max_title_length", "title length",
                  "iOS shows about 50 characters of a title", part="title"),
        LimitRule("characters", ADVISED_BODY, "advised", "max_length", "body length",
                  "iOS lock screen shows about 178 characters", part="body"),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        title = " ".join(data.parts.get("title", "").split())
        body = data.parts.get("body", "").strip()
        payload = {"aps": {"alert": {"title": title, "body": body}, "sound": "default"}}
        native = JsonNative(payload)
        compact = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        figures = {
            "title_length": len(title),
            "characters": len(body),
            "payload_bytes": len(compact.encode("utf-8")),
        }
        return self.finish(data, ChannelOutput(f"{title}\n\n{body}", native, self.file_name(), figures))


CHANNEL = PushChannel()
