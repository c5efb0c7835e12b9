"""Judgements fixed around round 54 of real published messages (``real-ru-r54-…``, ``real-en-r54-…``,
scored once blind, then read), as families of constructions: a vehicle or a private person as
the doer of the damage («неустановленный автомобиль повредил трубу», «повреждён частным лицом»),
a break in another party's cable («порыв кабеля горэлектросети»), the supply coming into us
failed ("incoming electric supply failure") — blame; a dispatch service to call, what the reader
"should have been" sent, are no blame; a purpose told of the past ("informed … last night so that
they could plan") is no forecast — and the near misses. Eight English labels of round 53–54 asked
for empathy in updates, which the stage table does not check; they were removed (a corpus test
now keeps every presence label to its stage)."""

from __future__ import annotations

from real_text import BLAME, SPECULATION, Family, family_tests

RU: dict[str, Family] = {
    "a vehicle, a private person, another party's cable": (BLAME, True, [
        "16 мая неустановленный автомобиль повредил газовую трубу по улице Спартака.",
        "Специалисты обнаружили, что газопровод повреждён частным лицом.",
        "Причиной стал порыв кабеля горэлектросети.",
    ], [
        "Газопровод повреждён нашим подрядчиком.",
        "В случае отключения необходимо обращаться в круглосуточную диспетчерскую службу района электрических сетей.",
    ]),
}

EN: dict[str, Family] = {
    "the supply coming into us failed": (BLAME, True, [
        "The electric supply is interrupted due to TATAs incoming electric supply failure.",
        "Our service is down because of an upstream supply failure.",
    ], [
        "You should have been written to already by Scottish and Southern about this.",
    ]),
    "a purpose told of the past": (SPECULATION, False, [
        "Passengers were duly informed about the revised departure time at 12.40 a.m. last night so that "
        "they could plan their travel.",
    ], [
        "We hope to restore the service by 6 pm tonight.",
    ]),
}

test_ru_variants, test_ru_near_misses = family_tests(RU, "ru")
test_en_variants, test_en_near_misses = family_tests(EN, "en")
