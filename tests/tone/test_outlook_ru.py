"""Russian outlooks (rule ``ru.outlook``): a word of expectation, plan, hope or habit and a time or
a length in one clause is a forecast, whatever verb it governs — «обычно такие работы занимают до
нескольких часов», «рассчитываем уложиться в два часа». Written as grammar after blind round 20
(issue #13), next to ``en.outlook``. A next update promised, planned works, the weather's own
outlook, a hope without a date, a habit («ежедневно») and a wish to the reader are not outlooks."""

from __future__ import annotations

from real_text import Family, family_tests, needed_rule_test

FAMILIES: dict[str, Family] = {
    "hedge-with-a-time": ("speculation", True, [
        "Рассчитываем уложиться в два часа.",
        "Обычно такие работы занимают до нескольких часов.",
        "Как правило, замена кабеля занимает около суток.",
        "Рассчитываем к пятнице снова принимать посылки в пункте выдачи.",
        "По нашим оценкам, движение трамваев откроют к 18:00.",
        "Ориентировочно очередь на границе рассосётся к утру.",
    ], [
        "Следующее сообщение ожидайте в 15:00.",
        "Новую информацию ожидаем к 18:00.",
        "Ожидаются снегопады до утра.",
        "Плановое отключение запланировано с 10:00 до 14:00.",
        "Надеемся вскоре вернуть вас в интернет.",
        "Мы ежедневно принимаем много пациентов, надеемся, что вы отнесётесь к этому с пониманием.",
    ]),
    "expected-or-planned-with-a-time": ("speculation", True, [
        "Планируется, что детские сады смогут принять детей во вторник.",
        "Нормальное движение электричек прогнозируется к концу дня.",
        "Планируем, что касса снова примет наличные к обеду.",
        "Предполагается, что пробки на мосту сохранятся до вечера.",
        "Очередь на паспортном контроле, по нашей оценке, уйдёт в течение часа.",
        "Намечается, что банкоматы выдадут наличные к понедельнику.",
    ], [
        "Улучшение погодных условий ожидается к 17 часам.",
        "Планируем сообщить подробности в 16:00.",
        "Отделение обычно работает до 20:00.",
        "Если планируете поездку на выходные, проверьте расписание.",
    ]),
}

test_every_variant_of_a_family_is_judged, test_near_misses_go_the_other_way = family_tests(FAMILIES, "ru")
test_the_variants_are_found_by_the_outlook_rule = needed_rule_test(FAMILIES, "ru", "ru.outlook")
