"""The library benchmark's synthetic reports: varied, of four kinds, every one parseable into sections."""

from viewer.bench_texts import chinese_number, varied_reports
from viewer.core.report import parse_bytes


def test_the_reports_parse_into_titled_sectioned_reports_of_four_kinds():
    reports = varied_reports(16)
    assert len({name for name, _data in reports}) == 16
    kinds = {name.split("-", 1)[1] for name, _data in reports}
    assert kinds == {"sample.txt", "work-report.txt", "regulation.txt", "notice.txt"}
    for name, data in reports:
        report = parse_bytes(data, name)
        assert report.title and report.section_count() >= 3, name


def test_no_two_reports_are_the_same_and_their_paragraphs_vary():
    reports = varied_reports(40)
    assert len({data for _name, data in reports}) == 40
    paragraphs = [p for _name, data in reports for p in data.decode("utf-8").split("\n") if len(p) > 40]
    assert len(set(paragraphs)) > 0.9 * len(paragraphs)


def test_a_regulation_numbers_its_articles_in_order_and_ends_with_its_start_date():
    regulation = next(data.decode("utf-8") for name, data in varied_reports(8) if "regulation" in name)
    articles = [line.split("　", 1)[0] for line in regulation.split("\n") if line.startswith("第") and "条　" in line]
    assert articles == [f"第{chinese_number(n)}条" for n in range(1, len(articles) + 1)]
    assert "起施行" in regulation.rstrip().split("\n")[-1]


def test_the_same_seed_gives_the_same_library():
    assert varied_reports(6) == varied_reports(6)
    assert varied_reports(6, seed=1) != varied_reports(6)


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 12, 20, 35, 99)] == ["一", "九", "十", "十二", "二十", "三十五", "九十九"]
