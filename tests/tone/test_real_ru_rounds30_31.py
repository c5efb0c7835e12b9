"""Russian judgements fixed after rounds 30 and 31 of real published messages (``real-ru-r30-…``,
``-r31-…``, scored once blind, then read), as families of constructions: our system said to have
worked normally in answer to complaints («система работала в штатном режиме»), a fault at a supplier's level («на
уровне платёжного шлюза»); a service not running, not flown or diverted («канатная дорога
работать не будет», «рейсы не выполнены», «совершил вынужденную посадку»); fraud against customers
as the event («злоумышленники рассылают письма») — and the near misses: a status in the present
tense, a flight by its schedule («рейс, который должен прибыть в 12:00»), danger as the reason for
a safety step («нельзя — опасно для пассажиров»), chaos prevented; a report that someone turned
to someone is no way to reach us («организация обратилась с сообщением»); round 31: orders to follow
from now on and a company's zone of responsibility are no blame; a dash after words with no
predicate is «это», not a clause break («ориентировочное завершение работ – до 17:00»); the time we
will name the restore date at is no forecast («срок восстановления сообщим в 15:00»)."""

from __future__ import annotations

from real_text import Family, family_tests

ALARM = "alarm"
CONTACT = "missing-contact"
BLAME = "blame"
SPECULATION = "speculation"
STATUS = "missing-service-status"
WHAT = "missing-what-happened"

FAMILIES: dict[str, Family] = {
    "we worked normally, the fault elsewhere": (BLAME, True, [
        "Разъясняем: продажи начались строго в 17:00, и система работала в штатном режиме.",
        "Инфраструктура функционировала штатно, массовых сбоев не было.",
        "Сбой возник на уровне платёжного шлюза, который принял покупателей за ботов.",
    ], [
        "Сейчас система работает в штатном режиме, продажи идут.",
        "Сбой возник на уровне нашего сайта; мы его исправили.",
    ]),
    "a service not running, not flown, diverted": (STATUS, False, [
        "По техническим причинам в ближайшие дни канатная дорога работать не будет.",
        "Рейсы по маршруту Хонуу — Сасыр не выполнены из-за непогоды.",
        "Рейс КС7103 совершил вынужденную посадку в Шымкенте из-за грозы.",
    ], [
        "Из-за грозы мы приносим извинения пассажирам.",
    ]),
    "fraud as the event": (WHAT, False, [
        "Злоумышленники рассылают письма от имени банка; не открывайте вложения.",
        "Злоумышленники вышли на связь и выдвинули требование о выкупе.",
        "Зафиксированы случаи фишинговой рассылки от имени крупных банков.",
    ], [
        "Приложение банка временно недоступно.",
    ]),
    "a flight by its schedule": (SPECULATION, False, [
        "Рейс, который должен прибыть из Атырау в 12:00, отменили.",
    ], [
        "Рейс прибудет из Атырау в 12:00.",
    ]),
    "danger as the reason for a safety step": (ALARM, False, [
        "Поезд отогнали в депо: эксплуатировать его нельзя — опасно для пассажиров.",
        "Это техническая мера, которая предотвращает хаотичный ажиотаж.",
    ], [
        "На линии опасно, оставайтесь дома.",
    ]),
    "someone turned to someone, no way to reach us": (CONTACT, True, [
        "Обслуживающая организация обратилась с сообщением о порыве. Сейчас ведутся восстановительные работы.",
        "Мы готовы выплатить компенсации всем обратившимся пассажирам.",
    ], [
        "По всем вопросам обратитесь в диспетчерскую.",
    ]),
    "instructions and zones, no cause": (BLAME, False, [
        "Население должно находиться в помещениях. В дальнейшем действовать по указанию МЧС.",
        "В 22:00 в зоне ответственности ПАО «Россети Московский регион» восстановительные работы были завершены.",
    ], [
        "По указанию МЧС трансляция прервалась.",
    ]),
    "a hedged end after a copula dash": (SPECULATION, True, [
        "Ориентировочное завершение работ – до 17:00.",
        "Работы идут, ориентировочное завершение — к 18:00.",
    ], [
        "Работы завершены — вода подаётся с 17:00.",
    ]),
    "when the estimate comes, not the restore": (SPECULATION, False, [
        "Срок восстановления сообщим в 15:00.",
        "О сроках восстановления сообщим в 15:00.",
        "Время восстановления назовём в 15:00.",
    ], [
        "Подачу воды восстановим к 15:00.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "ru")
