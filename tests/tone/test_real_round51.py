"""Judgements fixed around round 51 of real published messages (``real-ru-r51-…``, ``real-en-r51-…``,
scored once blind, then read), as families of constructions in both languages: someone's many
breaches as the reason «учитывая многочисленные нарушения», a supplier late "despite repeated
reminders", contractors "not following correct procedures", the landlord's property management,
"we were blindsided" (blame); a group of readers picked out ("those of you who did NOT lose
water"), a party asked to confirm the fix, a fire next door, the publisher itself forced to act
(no blame); lights gone out and lighting to restore, a full service resumed (service status);
«открытый огонь» is no service open; a contract ended, a surge told by its size (what happened);
an abbreviation the text defines ("(SKELEC)", "BALPA's (British Airline Pilots' Association)")
is no shout; our own haste to fix is no alarm; a named hotline is a contact; "our thoughts are
with" is empathy — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    CONTACT,
    EMPATHY,
    SERVICE_STATUS,
    SHOUTING,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "someone's many breaches as the reason": (BLAME, True, [
        "Учитывая многочисленные нарушения, мы воспользовались правом отказаться от договора.",
        "В связи с систематическими нарушениями перевозчика маршрут закрыт.",
    ], [
        "Нарушений в работе маршрута не выявлено.",
        "Мы воспользовались правом отказаться от договора.",
    ]),
    "the publisher forced to act is no party at fault": (BLAME, False, [
        "Для предотвращения повреждения трубопроводов в случае отсутствия теплоносителя управляющая "
        "компания вынуждена осуществлять слив воды из систем.",
    ], [
        "Повреждение трубопроводов допустила управляющая компания.",
    ]),
    "lights gone out, lighting to restore": (SERVICE_STATUS, False, [
        "В 23:15 в воскресенье погасли 26 светильников на улицах Большая Ордынка и Болотная.",
        "Уличное освещение восстановят в ближайшие часы.",
        "На улице Ленина не горят фонари.",
    ], [
        "Будьте осторожны во время использования открытого огня.",
    ]),
    "a contract ended": (WHAT_HAPPENED, False, [
        "Мы воспользовались правом отказаться от договора с перевозчиком.",
        "На сегодняшний день контракт считается расторгнутым.",
    ], [
        "Мы воспользовались правом выбрать другой маршрут.",
    ]),
}

EN: dict[str, Family] = {
    "a party late, off its procedures, the landlord's managers, blindsided": (BLAME, True, [
        "Yesterday morning, our suppliers of balloons and pastries were both late in their deliveries.",
        "This is another example of contractors not following correct procedures near electricity equipment.",
        "The property management failed to repair the roof over our store.",
        "We were blindsided by this news.",
    ], [
        "For those of you who did NOT lose water, your water is safe to drink.",
        "We have verified via our card provider that this issue is fully resolved.",
        "A fire broke out at one of our neighbouring businesses on the industrial site.",
        "Our crews were late in arriving because of the snow.",
    ]),
    "a full service resumed": (SERVICE_STATUS, False, [
        "We are very grateful to have been able to resume a full service within 24 hours.",
        "We will resume normal operations tomorrow.",
    ], [
        "We are very grateful to our staff.",
    ]),
    "a surge told by its size": (WHAT_HAPPENED, False, [
        "All of our hospital sites are currently experiencing very high levels of urgent and emergency care demand.",
        "We are managing a simply staggering amount of traffic to our website right now.",
        "They have been completely swamped with demand for capacity.",
        "We are seeing a huge volume of calls.",
    ], [
        "Thank you to the large number of customers who waited.",
    ]),
    "an abbreviation the text defines": (SHOUTING, False, [
        "BALPA’s (British Airline Pilots' Association) strike action has caused disruption. With no detail "
        "from BALPA on which pilots would strike, we cancelled flights.",
        "(SKELEC) At 1:55 pm our maintenance team completed restoration.",
        "The Department of Public Transportation (DPT) is advising of a brief interruption. DPT apologises.",
    ], [
        "Please do NOT call us. We are CLOSED.",
    ]),
    "our own haste to fix": (ALARM, False, [
        "Thank you for your patience as we work to urgently resolve this issue.",
        "We are working with our card provider to solve this urgently.",
    ], [
        "You need to call us urgently.",
    ]),
    "a named hotline": (CONTACT, False, [
        "Questions should be directed to the Solid Waste Hotline at 291-4744 or via email.",
        "Please call the Customer Helpline.",
    ], [
        "Traffic to Flow Chat is resuming.",
    ]),
}

#: Sympathy is asked of a first notice.
EN_FIRST: dict[str, Family] = {
    "our thoughts are with those hit": (EMPATHY, False, [
        "Our thoughts are with the companies and people who have been impacted by the fire.",
    ], [
        "Our teams are with the companies who have been impacted by the fire.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_first_variants, test_en_first_near_misses = family_tests(EN_FIRST, "en", "first_notice")
