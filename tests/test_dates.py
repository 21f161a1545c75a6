"""Dates: expressions found in text and resolved against the publication date (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.dates import find_dates, resolve_month_day, resolve_weekday
from sitrep.model import Segment

TUESDAY = dt.date(2022, 9, 13)


def values(text: str, published: dt.date | None = TUESDAY) -> dict[str, tuple[dt.date | None, int]]:
    return {m.text: (m.value, m.precision) for m in find_dates(text, published, [])}


def test_reference_article_dates(reference_article):
    text = reference_article.read_text("utf-8")
    found = {m.text: m.value for m in find_dates(text, TUESDAY, [])}
    assert found["Saturday"] == dt.date(2022, 9, 10)
    assert found["Monday"] == dt.date(2022, 9, 12)
    assert found["March 4"] == dt.date(2022, 3, 4)
    for mention in find_dates(text, TUESDAY, []):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("on Saturday", dt.date(2022, 9, 10), 1),
        ("on Monday", dt.date(2022, 9, 12), 1),
        ("on Tuesday", dt.date(2022, 9, 13), 1),
        ("last Tuesday", dt.date(2022, 9, 6), 1),
        ("yesterday", dt.date(2022, 9, 12), 1),
        ("overnight", dt.date(2022, 9, 13), 1),  # the night that ends in the report's morning
        ("overnight into Sunday", dt.date(2022, 9, 11), 1),
        ("last night", dt.date(2022, 9, 13), 1),  # as "overnight"
        ("at about 23:00 last night", dt.date(2022, 9, 12), 1),  # but an evening hour is the day before
        ("at 02:40 last night", dt.date(2022, 9, 13), 1),
        ("late last night", dt.date(2022, 9, 12), 1),
        ("two years ago today", dt.date(2020, 9, 13), 1),
        ("three years ago", dt.date(2019, 9, 13), 3),
        ("last week", dt.date(2022, 9, 7), 2),
        ("in early September", dt.date(2022, 9, 1), 3),
        ("in late August", dt.date(2022, 8, 31), 3),
        ("on 14 June 2022", dt.date(2022, 6, 14), 1),
        ("on June 14, 2021", dt.date(2021, 6, 14), 1),
        ("March 4", dt.date(2022, 3, 4), 1),
        ("on 2022-05-01", dt.date(2022, 5, 1), 1),
        ("14/06/2022", dt.date(2022, 6, 14), 1),
        ("three days ago", dt.date(2022, 9, 10), 1),
        ("in March last year", dt.date(2021, 3, 15), 3),
        ("in early May this year", dt.date(2022, 5, 1), 3),
        ("earlier this month", dt.date(2022, 9, 12), 3),  # before the day of the report, on the 13th
    ],
)
def test_phrases_resolve(phrase, expected, precision):
    sentence = f"Russian forces shelled the town {phrase}, officials said."
    found = find_dates(sentence, TUESDAY, [])
    assert len(found) == 1, found
    assert (found[0].value, found[0].precision) == (expected, precision)
    assert found[0].text in phrase


def test_longest_expression_wins():
    found = find_dates("On 14 June 2022 the village was hit.", TUESDAY, [])
    assert [m.text for m in found] == ["14 June 2022"]


def test_without_publication_date_relative_dates_stay_unresolved():
    found = values("It was retaken on Saturday; the strike of March 4; yesterday; on 14 June 2022.", None)
    assert found["Saturday"] == (None, 1)
    assert found["March 4"] == (None, 1)
    assert found["yesterday"] == (None, 1)
    assert found["14 June 2022"] == (dt.date(2022, 6, 14), 1)


def test_lower_case_month_words_are_not_dates():
    assert find_dates("Troops may march on the city and she may sat down.", TUESDAY, []) == []


def test_month_day_without_year_takes_the_year_nearest_before_publication():
    assert resolve_month_day(12, 28, dt.date(2023, 1, 3)) == dt.date(2022, 12, 28)
    assert resolve_month_day(9, 20, TUESDAY) == dt.date(2022, 9, 20)  # an announced date, a week ahead
    assert resolve_month_day(2, 30, TUESDAY) is None
    assert resolve_month_day(3, 4, None) is None


def test_weekday_is_the_most_recent_one_up_to_publication():
    for weekday in range(7):
        value = resolve_weekday(weekday, TUESDAY)
        assert value.weekday() == weekday
        assert dt.timedelta(0) <= TUESDAY - value < dt.timedelta(days=7)
    assert resolve_weekday(5, TUESDAY, "next") == dt.date(2022, 9, 17)


def test_boilerplate_dates_are_skipped():
    text = "Shelling hit the town on Monday. Related: Ceasefire talks on Friday"
    boiler = Segment(33, len(text), "related")
    found = find_dates(text, TUESDAY, [Segment(0, 33, "body"), boiler])
    assert [m.text for m in found] == ["Monday"]


def test_clock_times_are_not_days():
    found = find_dates("At 10:30 on March 4 2022 a missile hit.", TUESDAY, [])
    assert [(m.text, m.value) for m in found] == [("March 4 2022", dt.date(2022, 3, 4))]


def test_a_range_of_days_is_dated_by_its_first_day_and_keeps_its_year():
    found = values("Ten people were killed on March 1-2, 2008. Looters struck between 22 and 23 January.")
    assert found == {"March 1-2, 2008": (dt.date(2008, 3, 1), 1), "22 and 23 January": (dt.date(2022, 1, 22), 1)}


def test_a_night_of_two_days_is_dated_by_the_morning_it_ends_in():
    found = values("Looters struck during the night of 22 to 23 January. Drones came overnight on May 12-13.")
    assert found == {"night of 22 to 23 January": (dt.date(2022, 1, 23), 1), "overnight on May 12-13": (dt.date(2022, 5, 13), 1)}
    assert values("In the night between 4 and 5 June, rockets hit the town.") == {
        "night between 4 and 5 June": (dt.date(2022, 6, 5), 1)}


@pytest.mark.parametrize(
    ("text", "told", "expected"),
    [
        ("The ministry said on 9 September 2022 that its troops took the village the previous day.",
         "the previous day", dt.date(2022, 9, 8)),
        ("Prosecutors said on 20 August 2022 that the killings took place two days earlier.",
         "two days earlier", dt.date(2022, 8, 18)),
        ("Officials said on 20 August 2022 that soldiers had raped two girls ten days earlier.",
         "ten days earlier", dt.date(2022, 8, 10)),
        ("A man was beaten on 25 August 2022 and died in hospital the next day.", "the next day", dt.date(2022, 8, 26)),
        ("Officials said the village was shelled the previous day.", "the previous day", dt.date(2022, 9, 12)),
        # with no day told before, the day the same sentence tells right after
        ("The village came under fire the previous evening, the governor said on Sunday.", "the previous evening",
         dt.date(2022, 9, 10)),
        ("A drone hit a bus on 5 September 2022. Later that day, shelling damaged two houses.", "Later that day",
         dt.date(2022, 9, 5)),
    ],
)
def test_days_apart_count_from_the_day_told_before(text, told, expected):
    assert values(text)[told] == (expected, 1)


def test_days_before_an_event_are_not_a_date():
    assert "two days before" not in " ".join(values("Police arrested five two days before the strike on the market."))



def test_the_following_day_opening_a_paragraph_counts_from_the_day_told_before_it():
    text = "On 14 September 2022, shells hit the town.\n\nThe following day, gunmen detained 12 volunteers."
    assert values(text)["The following day"] == (dt.date(2022, 9, 15), 1)


def test_the_same_day_in_a_later_paragraph_is_the_day_the_story_told_last():
    text = ("Shells hit the town on Saturday, the governor said.\n\n\"Two women were wounded,\" he wrote.\n\n"
            "In the village of Dunaika, a drone dropped a grenade on a car the same day.")
    assert values(text)["the same day"] == (dt.date(2022, 9, 10), 1)


def test_a_day_of_the_month_alone_is_the_last_one_up_to_publication():
    assert values("On the 3rd a tractor driver was blown up on a mine.") == {"On the 3rd": (dt.date(2022, 9, 3), 1)}
    assert values("On the 20th, drones struck the port.") == {"On the 20th": (dt.date(2022, 8, 20), 1)}
    assert values("A shell hit a flat on the 3rd floor.") == {}
    assert values("It fell on the 5th day of the offensive.") == {}
    assert values("before withdrawing on the 9th russian soldiers looted shops") == {"on the 9th": (dt.date(2022, 9, 9), 1)}


def test_a_night_told_by_its_two_weekdays_and_a_month_with_of_before_its_year():
    assert values("at least three were beheaded in the night of Sunday for Monday") == {
        "night of Sunday for Monday": (dt.date(2022, 9, 12), 1)}
    assert values("insurgents have terrorised the region since October of 2017.") == {
        "October of 2017": (dt.date(2017, 10, 15), 3)}


def test_a_weekday_in_a_quoted_name_is_no_date():
    published = dt.date(2025, 1, 28)
    text = 'Zahedan was the scene of the crackdown of 30 September 2022, known as "Bloody Friday".'
    assert [m.text for m in find_dates(text, published, [])] == ["30 September 2022"]
    assert [m.value for m in find_dates('"On Friday we were attacked," he said.', published, [])] == [dt.date(2025, 1, 24)]
    assert [m.value for m in find_dates("Russian forces attacked Kupiansk Friday.", published, [])] == [dt.date(2025, 1, 24)]


def test_a_numbered_avenue_is_no_day_of_the_month():
    assert find_dates("The shop on 5th Avenue was looted.", dt.date(2023, 5, 23), []) == []


def test_a_day_and_month_in_figures_after_on_and_last_evening():
    published = dt.date(2023, 11, 6)
    assert [m.value for m in find_dates("On 03.11 about 60 women gathered in Turkmenabat.", published, [])] == [dt.date(2023, 11, 3)]
    assert find_dates("Prices rose on 1.5 million sales and on 12.10 percent.", published, []) == []
    assert [m.value for m in find_dates("Last evening the Russians hit Nikopol.", published, [])] == [dt.date(2023, 11, 5)]


def test_the_past_day_of_an_evening_summary_is_the_day_it_is_posted():
    published = dt.date(2024, 11, 14)
    text = "Russian forces carried out 412 strikes over the past day, the head of the administration said in his evening summary."
    assert [m.value for m in find_dates(text, published, [])] == [published]
    text = "Russian forces carried out 412 strikes over the past day, the head of the administration said in the morning."
    assert [m.value for m in find_dates(text, published, [])][:1] == [dt.date(2024, 11, 13)]


def test_each_timestamped_post_counts_its_days_from_its_own_stamp():
    published = dt.date(2024, 3, 19)
    text = ("The governor's posts of the week.\n\n[17.03, 00:41] Drones attacked Shebekino overnight.\n\n"
            "[17 March, 08:15] Shelling yesterday damaged two houses in Kozinka. On Friday a man was hurt.\n\n"
            "Thursday, 14 March, 07:30. Over the past day the enemy fired 40 shells.")
    assert [(m.text, m.value) for m in find_dates(text, published, [])] == [
        ("17.03", dt.date(2024, 3, 17)), ("overnight", dt.date(2024, 3, 17)),
        ("17 March", dt.date(2024, 3, 17)), ("yesterday", dt.date(2024, 3, 16)), ("Friday", dt.date(2024, 3, 15)),
        ("Thursday", dt.date(2024, 3, 14)), ("14 March", dt.date(2024, 3, 14)), ("Over the past day", dt.date(2024, 3, 13)),
    ]
    # a date opening a line with no clock time is no post's stamp: "yesterday" is the day before publication
    assert [m.value for m in find_dates("17 March was calm.\nShelling yesterday hit Kozinka.", published, [])][-1] == dt.date(2024, 3, 18)


def test_weeks_earlier_count_from_the_day_told():
    text = "Thousands marched in Seville on Saturday, 5 April. A similar march in Cadiz a week earlier drew smaller crowds."
    assert [m.value for m in find_dates(text, dt.date(2025, 4, 5), [])][-1] == dt.date(2025, 3, 29)
    # hours later, the same day
    text = "On Tuesday afternoon, police raided a drug-selling point in Rosario. Hours later, relatives marched demanding justice."
    assert [m.value for m in find_dates(text, dt.date(2024, 10, 3), [])] == [dt.date(2024, 10, 1)] * 2
    # and days later, forward from it
    text = "The car was burned on March 4 around 2 a.m.; both suspects were detained two days later."
    assert [m.value for m in find_dates(text, dt.date(2024, 3, 8), [])] == [dt.date(2024, 3, 4), dt.date(2024, 3, 6)]


def test_named_days_seasons_and_an_evening_of_the_21st():
    published = dt.date(2024, 7, 5)
    assert [m.value for m in find_dates("Men fought in the main street of Yuendumu on Boxing Day.", dt.date(2022, 12, 28), [])] \
        == [dt.date(2022, 12, 26)]
    assert [m.value for m in find_dates("On the evening of Labour Day, police kettled 150 people.", dt.date(2024, 5, 2), [])] \
        == [dt.date(2024, 5, 1)]
    # the eve is the day before; a day several countries name is read for the country the places lie in
    assert [m.value for m in find_dates("On eve of Constitution Day a crowd beat two men.", dt.date(2024, 6, 29), [], "UA")] \
        == [dt.date(2024, 6, 27)]
    # a post's day and month after its place, as a dateline
    assert [m.value for m in find_dates("Moscow, 03.02: wives of mobilised men came to the Kremlin wall.", dt.date(2024, 2, 4), [])] \
        == [dt.date(2024, 2, 3)]
    # the day after (or before) a named day, Orthodox Easter counted by its own calendar
    assert [m.value for m in find_dates("On the day after Orthodox Easter, a drone struck a minibus.", dt.date(2025, 4, 25), [])] \
        == [dt.date(2025, 4, 21)]
    assert [m.value for m in find_dates("On the day before Christmas, a drone struck a minibus.", dt.date(2024, 12, 27), [])] \
        == [dt.date(2024, 12, 24)]
    assert [m.value for m in find_dates("Agents came under fire on Independence Day.", published, [], "US")] == [dt.date(2024, 7, 4)]
    assert find_dates("Agents came under fire on Independence Day.", published, []) == []
    assert [m.value for m in find_dates("Thousands rallied on Labor Day in Chicago.", dt.date(2024, 9, 5), [])] \
        == [dt.date(2024, 9, 2)]  # the first Monday of September
    # a gathering named for the day was held on it; a celebration named so is no date of anything
    assert [m.value for m in find_dates("Police used pepper spray to break up a Women's Day march.", dt.date(2023, 3, 9), [])] \
        == [dt.date(2023, 3, 8)]
    assert find_dates("Women's Day celebrations were held in Batman.", dt.date(2023, 3, 9), []) == []
    # a season of a year is that season's middle month; "the fall of Bakhmut" is no date
    assert [(m.value, m.precision) for m in find_dates("He was detained in the spring of 2022.", published, [])] \
        == [(dt.date(2022, 4, 15), 3)]
    assert find_dates("Residents recalled the fall of Bakhmut.", published, []) == []
    assert [m.value for m in find_dates("In evening of 21st the AFU fired on the town.", dt.date(2023, 5, 23), [])] \
        == [dt.date(2023, 5, 21)]


def test_easter_and_mothers_day():
    assert [m.value for m in find_dates("Hitmen opened fire on Good Friday.", dt.date(2024, 4, 10), [])] == [dt.date(2024, 3, 29)]
    assert [m.value for m in find_dates("Shelling resumed on Orthodox Easter.", dt.date(2023, 4, 20), [])] == [dt.date(2023, 4, 16)]
    # Mexico keeps 10 May; elsewhere the second Sunday of May
    assert [m.value for m in find_dates("Mothers marched on Mother's Day.", dt.date(2023, 5, 11), [], "MX")] == [dt.date(2023, 5, 10)]
    assert [m.value for m in find_dates("Mothers marched on Mother's Day.", dt.date(2023, 5, 20), [], "US")] == [dt.date(2023, 5, 14)]


def test_posts_stamped_with_a_clock_time_alone_are_of_the_day_their_introduction_names():
    """From the thirty-sixth dispatch probe (a governor's posts, copied the next day)."""
    text = ("Below are his messages from Saturday, February 10, with the times they were posted.\n\n"
            "08:30. Yesterday evening a drone dropped an explosive device on a truck.\n\n"
            "19:05. Drones attacked the village twice today.")
    told = {m.text: m.value for m in find_dates(text, dt.date(2024, 2, 11), [])}
    assert (told["Yesterday"], told["today"]) == (dt.date(2024, 2, 9), dt.date(2024, 2, 10))
    # with no day named before them, the posts are of the day they were published
    untold = "08:30. Yesterday evening a drone hit a truck.\n\n19:05. Drones attacked the village today."
    assert [m.value for m in find_dates(untold, dt.date(2024, 2, 11), [])] == [dt.date(2024, 2, 10), dt.date(2024, 2, 11)]


def test_a_slashed_day_and_month_read_either_way_round():
    """From the forty-sixth note probe (Vietnam): "On 21/3" is the 21st of March; "on 5/6", a day before a report
    of 7 June, is the 5th of June; a fraction is no day."""
    def days(text: str, published: dt.date) -> list[dt.date | None]:
        return [m.value for m in find_dates(text, published, [])]

    assert days("On 21/3, border guards arrested a trafficker.", dt.date(2024, 3, 23)) == [dt.date(2024, 3, 21)]
    assert days("On 3/21, police fired tear gas.", dt.date(2024, 3, 23)) == [dt.date(2024, 3, 21)]
    assert days("Ea Sol: on 5/6 hundreds of villagers blocked excavators.", dt.date(2024, 6, 7)) == [dt.date(2024, 6, 5)]
    assert days("Police fired on 3/4.", dt.date(2024, 3, 23)) == [dt.date(2024, 3, 4)]  # not 3 April, still to come
    assert days("The party won on 3/4 of the seats.", dt.date(2024, 3, 23)) == []


def test_a_plain_easter_is_the_orthodox_one_where_the_churches_keep_it():
    """From the forty-sixth note probe (Velykyi Burluk): 2022's Orthodox Easter fell a week after the Western one."""
    text = "On the eve of Easter soldiers moved into the school."
    assert [m.value for m in find_dates(text, dt.date(2022, 5, 6), [], "UA")] == [dt.date(2022, 4, 23)]
    assert [m.value for m in find_dates(text, dt.date(2022, 5, 6), [], "FR")] == [dt.date(2022, 4, 16)]


def test_a_countrys_own_independence_day_and_the_nights_around_holidays():
    """From the forty-first note probe (Sierra Leone, Ghana, Ukraine, Guinea)."""
    # a national day the data file does not list, from the country's own calendar
    assert [m.value for m in find_dates("Police arrested eight supporters on Independence Day.", dt.date(2024, 4, 29), [], "SL")] \
        == [dt.date(2024, 4, 27)]
    assert [m.value for m in find_dates("Youths blocked the highway on the morning after Independence Day.",
                                        dt.date(2025, 3, 8), [], "GH")] == [dt.date(2025, 3, 7)]
    assert [m.value for m in find_dates("On New Year night a grenade was thrown into a yard.", dt.date(2024, 1, 3), [])] \
        == [dt.date(2024, 1, 1)]
    assert [m.value for m in find_dates("Kolaboui: the night before last, youths blocked the road.", dt.date(2024, 5, 22), [])] \
        == [dt.date(2024, 5, 21)]


def test_days_after_or_before_a_date_told_right_after_count_from_it():
    found = find_dates("A polling agent was assaulted two days after the 23 August vote.", dt.date(2023, 8, 29), [])
    assert [(m.text, m.value) for m in found] == [("two days after", dt.date(2023, 8, 25)),
                                                  ("23 August", dt.date(2023, 8, 23))]
    found = find_dates("He was detained three days before August 5.", dt.date(2023, 8, 29), [])
    assert found[0].value == dt.date(2023, 8, 2)
    # a guard: "after" with no date right behind it counts nothing
    assert find_dates("Two days after the vote, police arrested him.", dt.date(2023, 8, 29), []) == []


def test_a_feeds_clock_going_back_has_passed_midnight():
    """From the thirty-eighth dispatch probe: posts "from Saturday evening to Sunday morning"."""
    text = ("Below are the governor's posts from Saturday evening to Sunday morning.\n\n"
            "18:05. Shebekino is again under fire.\n\n23:55. Missile danger over the region!\n\n"
            "00:20. Air defence systems worked over Belgorod.\n\n07:10. During the night a drone hit a car.")
    stamps = {m.text: m.value for m in find_dates(text, dt.date(2024, 5, 12), []) if ":" in m.text}
    assert stamps == {"18:05": dt.date(2024, 5, 11), "23:55": dt.date(2024, 5, 11),
                      "00:20": dt.date(2024, 5, 12), "07:10": dt.date(2024, 5, 12)}


@pytest.mark.parametrize(("text", "published", "day"), [
    # fifty-fourth and fifty-sixth probe notes
    ("Militants detonated an IED at Kotulo on the eve of Jamhuri Day.", dt.date(2022, 12, 13), dt.date(2022, 12, 11)),
    ("On Defenders Day, relatives of prisoners gathered in Kropyvnytskyi.", dt.date(2024, 10, 2), dt.date(2024, 10, 1)),
    ("During the Dia del Encuentro de Dos Mundos marches, hooded men erected barricades.", dt.date(2022, 10, 13),
     dt.date(2022, 10, 12)),
    # fifty-seventh: the day of the week's prayers
    ("Crowds marched after Friday prayers in Saravan.", dt.date(2023, 1, 28), dt.date(2023, 1, 27)),
])
def test_kenyan_ukrainian_and_chilean_days_and_friday_prayers(text, published, day):
    assert [m.value for m in find_dates(text, published, [])] == [day]


def test_a_month_naming_an_event_dates_it():
    """From the thirty-eighth dispatch probe: "an April missile strike" recalled in a June report is April's."""
    found = find_dates("The city has been hit before; an April missile strike on a residential area killed 20 people.",
                       dt.date(2025, 6, 4), [])
    assert [(m.text, m.value, m.precision) for m in found] == [("April", dt.date(2025, 4, 15), 3)]
    # a guard: a month that names no event is no date ("a May decision")
    assert find_dates("A May decision was taken.", dt.date(2025, 6, 4), []) == []


@pytest.mark.parametrize(("text", "published", "day"), [
    # fifty-eighth and sixtieth probe notes
    ("Police in Nakuru fired tear gas at demonstrators marching on Saba Saba day.", dt.date(2025, 7, 8), dt.date(2025, 7, 7)),
    ("Bandits stormed a mosque in Mada village during Juma'at prayers.", dt.date(2024, 9, 23), dt.date(2024, 9, 20)),
])
def test_saba_saba_and_the_friday_prayers_by_their_arabic_name(text, published, day):
    assert [m.value for m in find_dates(text, published, [])] == [day]


def test_a_wire_datelines_day_is_what_its_report_counts_from():
    """From the fifty-eighth probe notes: a feed published the AP's June 13 story on June 14."""
    text = "CALI, Colombia, June 13 (AP) - Gunmen shot a police officer in Jamundí yesterday."
    assert [m.value for m in find_dates(text, dt.date(2025, 6, 14), [])] == [dt.date(2025, 6, 13), dt.date(2025, 6, 12)]
    # a guard: a dateline's day long before publication is the story's history, not the writer's today
    old = "CALI, Colombia, June 1 (AP) - Gunmen shot a police officer in Jamundí yesterday."
    assert [m.value for m in find_dates(old, dt.date(2025, 6, 14), [])] == [dt.date(2025, 6, 1), dt.date(2025, 6, 13)]


def test_the_evening_before_last_is_the_day_before_yesterday():
    """From the sixty-second and sixty-third probe notes (the night before last ends the morning after it)."""
    assert [m.value for m in find_dates("The evening before last, groups of young men roamed the town.", dt.date(2025, 7, 14),
                                        [])] == [dt.date(2025, 7, 12)]


def test_a_day_and_month_last_year_is_in_the_year_before():
    """From the sixty-third dispatches (24th session): "on Oct. 8 last year" read in November 2024 is 2023."""
    text = "Hezbollah began firing at Israeli positions on Oct. 8 last year. Troops arrived on 3 March last year."
    found = [(d.text, d.value) for d in find_dates(text, dt.date(2024, 11, 7), [])]
    assert found == [("Oct. 8 last year", dt.date(2023, 10, 8)), ("3 March last year", dt.date(2023, 3, 3))]
