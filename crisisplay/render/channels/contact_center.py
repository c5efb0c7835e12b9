"""Contact centre: the agents' script, one information field for every operator.

Parts: ``say`` (what to say first; a plain template string is this part), ``avoid``
(what not to say) and ``faq`` (answers to the questions customers will ask). The native
output is a Markdown script (any HTML in it escaped, see :mod:`.markdown`). The
playbook's forbidden tone words are added to "what not to say", so agents and written
channels share one vocabulary. The figure that matters
is how long the opening takes to say (``max_seconds``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from crisisplay.render.channels.base import BuildInput, Channel, ChannelOutput, LimitRule
from crisisplay.render.channels.markdown import escape_html
from crisisplay.render.locale import language
from crisisplay.render.speech import estimate_seconds, spoken_words

ADVISED_SECONDS = 60
HEADINGS = {
    "ru": {"say": "Что говорить", "avoid": "Чего не говорить", "faq": "Ответы на вопросы клиентов",
           "forbidden": "Не используйте слова"},
    "en": {"say": "What to say", "avoid": "What not to say", "faq": "Answers to expected questions",
           "forbidden": "Do not use the words"},
}


class ContactCenterChannel(Channel):
    name = "contact_center"
    title = "Contact centre script"
    parts = ("say", "avoid", "faq")
    required = ("say",)
    aliases: Mapping[str, str] = MappingProxyType({"body": "say"})
    markup = "markdown"
    extension = "md"
    limit_rules = (
        LimitRule("seconds", ADVISED_SECONDS, "advised", "max_seconds", "estimated time to say the opening",
                  "an opening over a minute loses the caller", part="say"),
        LimitRule("characters", None, "hard", "max_length", "script length", ""),
    )

    def build(self, data: BuildInput) -> ChannelOutput:
        heads = HEADINGS.get(language(data.locale), HEADINGS["en"])
        say = data.parts.get("say", "")
        avoid = data.parts.get("avoid", "")
        faq = data.parts.get("faq", "")
        forbidden = ", ".join(data.playbook.tone.forbidden)
        if forbidden:
            avoid = (avoid + "\n\n" if avoid else "") + f"{heads['forbidden']}: {forbidden}."
        sections = [f"# {script_heading(data.playbook.title, data.stage.title)}", f"## {heads['say']}\n\n{say}"]
        if avoid:
            sections.append(f"## {heads['avoid']}\n\n{avoid}")
        if faq:
            sections.append(f"## {heads['faq']}\n\n{faq}")
        native = escape_html("\n\n".join(sections)) + "\n"
        text = "\n\n".join(part for part in (say, faq) if part)
        figures = {
            "characters": len(native),
            "words": (words := spoken_words(say)),
            "seconds": estimate_seconds(say, data.locale, words),
        }
        return self.finish(data, ChannelOutput(text, native, self.file_name(), figures))


def script_heading(playbook_title: str, stage_title: str) -> str:
    """«Сбой цифрового сервиса — первое сообщение»: the stage continues the heading in lower case.

    A colon or a dash does not start a new sentence, so the stage title's capital goes
    (unless the word is an abbreviation such as «SMS»).
    """
    if not stage_title:
        return playbook_title
    second = stage_title[1:2]
    tail = stage_title[:1].lower() + stage_title[1:] if not second.isupper() else stage_title
    return f"{playbook_title} — {tail}"


CHANNEL = ContactCenterChannel()
