"""Judgements fixed around round 50 of real published messages (``real-ru-r50-…``, ``real-en-r50-…``,
scored once blind, then read), as families of constructions in both languages: circumstances
"stronger than us", our part done «несмотря на то, что мы выполняем все обязательства», another
party's part still to do «нужно, чтобы управляющая компания …» (blame); a problem with "our
service" as a whole names nothing that is down, "the fibre service disruption" names it, low
water pressure is a service limited (service status); repairs under way are what happened;
"shortly" is no "short delay", a restore time as a noun ("estimated restoration by Sunday
night"), "we fear that", a length hoped for (speculation); regret felt ("I feel terrible") is
no alarm but empathy; digging for our own repair is no one else's works — and the near misses."""

from __future__ import annotations

from real_text import (
    ALARM,
    BLAME,
    EMPATHY,
    SERVICE_STATUS,
    SPECULATION,
    WHAT_HAPPENED,
    Family,
    family_tests,
)

RU: dict[str, Family] = {
    "circumstances stronger than us, our part done, their part to do": (BLAME, True, [
        "Мы готовились к открытию, но сложившиеся обстоятельства оказались сильнее нас.",
        "Обстоятельства сильнее нас, ресторан закрывается.",
        "Заправка была приостановлена, несмотря на то, что авиакомпания выполняет все свои обязательства.",
        "Несмотря на то что мы выполнили все обязательства, поставка сорвана.",
        "Чтобы в квартирах стало тепло, нужно, чтобы управляющая компания подготовила дом.",
        "Нам нужно, чтобы подрядчик завершил работы на сетях.",
    ], [
        "Мы оказались сильнее обстоятельств и открылись вовремя.",
        "Банк выполняет все свои обязательства перед клиентами.",
        "Нужно, чтобы вы обратились в управляющую компанию.",
    ]),
}

EN: dict[str, Family] = {
    "a problem with our service as a whole": (SERVICE_STATUS, True, [
        "We are currently experiencing a partial interruption with our service and are working to resolve it.",
        "We are experiencing an outage with our service. We apologise.",
        "Customers in the area are experiencing an interruption in services due to a damaged line.",
        "There are issues with the service for some customers.",
    ], [
        "We are experiencing a partial interruption with our card payments. We apologise.",
        "There is a disruption to services on the Northern line. We apologise.",
        "We are experiencing a temporary disruption to our mobile app. We apologise.",
        "The fibre service disruption was caused by a damaged cable.",
        "There is a water supply interruption in Leeds.",
    ]),
    "low water pressure is a service limited": (SERVICE_STATUS, False, [
        "During this period, consumers will experience low pressure.",
        "Water pressure is scheduled to be decreased overnight on January 12th.",
        "We are lowering the water pressure at night to refill storage.",
    ], [
        "The pressure on our staff is high this week.",
    ]),
    "repairs under way": (WHAT_HAPPENED, False, [
        "Heating has been switched off while remediation repairs are undertaken to the campus boiler.",
        "Heating has been switched off while repairs are being carried out on the boiler.",
    ], [
        "Heating has been switched off for the last week.",
    ]),
    "a restore time as a noun, a fear, a length hoped for, in a short while": (SPECULATION, True, [
        "Customers should prepare for a multi-day outage, with estimated restoration by Sunday night.",
        "Despite continuing to recruit, we fear that we may need to cut more routes in September.",
        "During the time it will take to restore our systems, which we hope will be short, you will not have access.",
        "Train ticket bookings will be available in a short while.",
        "Service will be restored shortly.",
    ], [
        "We will provide an estimated restoration time.",
        "There has been a short delay and staff will have the heating restored.",
        "There has been a short delay to the completion of the project.",
    ]),
    "regret felt is no alarm": (ALARM, False, [
        "I feel terrible for every person that came to the door. What a horrible feeling.",
    ], [
        "The storm caused terrible damage across the county.",
    ]),
    "digging for our own repair": (BLAME, False, [
        "Fibre technicians are continuing excavation works to expose the damaged cable.",
    ], [
        "The cable was damaged by road construction works.",
    ]),
}

#: Regret felt is empathy, in a first notice (the stage that asks for it).
EN_FIRST: dict[str, Family] = {
    "regret felt": (EMPATHY, False, [
        "I feel terrible for every person that came to the door this morning.",
        "We feel really awful about the delay.",
    ], [
        "The storm caused terrible damage this morning.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
test_en_first_variants, test_en_first_near_misses = family_tests(EN_FIRST, "en", "first_notice")
