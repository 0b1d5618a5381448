"""Times as people read them: the stored UTC moment in local wall time, with the offset shown."""

from datetime import datetime, timedelta, timezone

from viewer.core.times import local_date, local_time

STORED = "2026-12-02T07:30:00.123456+00:00"


def test_a_stored_utc_time_reads_as_china_wall_time_with_its_offset(china_time):
    assert local_time(STORED) == "2026-12-02 15:30 (+08:00)"


def test_late_evening_utc_is_the_next_day_in_china(china_time):
    assert local_time("2026-12-31T20:15:00+00:00") == "2027-01-01 04:15 (+08:00)"


def test_an_explicit_zone_wins_over_the_computer_zone(china_time):
    assert local_time(STORED, timezone.utc) == "2026-12-02 07:30 (+00:00)"
    assert local_time(STORED, timezone(timedelta(hours=-3, minutes=-30))) == "2026-12-02 04:00 (-03:30)"


def test_z_suffix_naive_strings_and_datetimes_are_utc(china_time):
    assert local_time("2026-12-02T07:30:00Z") == "2026-12-02 15:30 (+08:00)"
    assert local_time("2026-12-02T07:30:00") == "2026-12-02 15:30 (+08:00)"
    assert local_time(datetime(2026, 12, 2, 7, 30)) == "2026-12-02 15:30 (+08:00)"
    assert local_time(datetime(2026, 12, 2, 15, 30, tzinfo=timezone(timedelta(hours=8)))) \
        == "2026-12-02 15:30 (+08:00)"


def test_text_that_is_not_a_time_is_shown_as_it_is():
    assert local_time("昨天") == "昨天"
    assert local_time("") == ""


def test_the_local_day_of_a_late_evening_utc_time_is_the_next_day_in_china(china_time):
    assert local_date("2026-12-31T20:15:00+00:00") == "2027-01-01"
    assert local_date("昨天") == "昨天"
