"""VK (VKontakte): a community post or message as plain text.

VK's API reference for ``messages.send`` caps a message at 4096 characters (longer text
is cut into several messages); community wall posts allow more, but the feed folds a
post after its first lines, so a crisis notice should fit one message anyway. We use
4096 as the hard limit; a playbook can set a stricter ``max_length``.
"""

from __future__ import annotations

from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule

MAX_LENGTH = 4096


class VkChannel(Channel):
    name = "vk"
    title = "VK"
    extension = "txt"
    limit_rules = (
        LimitRule("characters", MAX_LENGTH, "hard", "max_length", "text length",
                  "VK API messages.send: up to 4096 characters"),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        text = data.parts.get("body", "")
        figures = {"characters": len(text)}
        return self.finish(data, ChannelOutput(text, text + "\n", self.file_name(), figures))


CHANNEL = VkChannel()
